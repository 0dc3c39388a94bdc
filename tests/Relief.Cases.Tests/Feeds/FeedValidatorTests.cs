using Relief.Cases.Feeds;
using Relief.Cases.Tests.Builders;

namespace Relief.Cases.Tests.Feeds;

public sealed class FeedValidatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly string Person = TestIds.For(new DateOnly(1970, 1, 1), 7);

    [Fact]
    public void ValidMedicalSelfPay_BecomesARecord_WithItsJurisdictionAndAmount()
    {
        var result = FeedValidator.Validate(new MedicalSelfPayMessage { RecordId = " yb-1 ", ResidentId = Person.ToLowerInvariant(), Jurisdiction = "Qingdao/Shinan", Year = 2026, SelfPaid = 45000.5m, AsOf = Today }, Today, ShippedData.Catalog);

        Assert.True(result.IsValid);
        Assert.Equal("yb-1", result.Value!.RecordId);
        Assert.Equal("medical-self-pay|yb-1", result.Value.Key);
        Assert.Equal("qingdao/shinan", result.Value.Jurisdiction.ToString());
        Assert.Equal(45000.5m, result.Value.Amount);
        Assert.DoesNotContain(Person, result.Value.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidMessage_ListsEveryProblem_NamingItsField()
    {
        var result = FeedValidator.Validate(new MedicalSelfPayMessage { RecordId = "a|b", ResidentId = TestIds.WithWrongCheck(new DateOnly(1970, 1, 1), 7), Jurisdiction = "atlantis", Year = 2027, SelfPaid = 1.005m, AsOf = Today.AddDays(1) }, Today, ShippedData.Catalog);

        Assert.False(result.IsValid);
        Assert.Equal(["recordId", "residentId", "jurisdiction", "year", "selfPaid", "asOf"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Custody_RefusesAnAdultAsAChild_AndAReleaseBeforeTheStart()
    {
        string adult = TestIds.For(new DateOnly(2000, 1, 1), 8), minor = TestIds.For(new DateOnly(2015, 1, 1), 9);
        var result = FeedValidator.Validate(new CustodyNoticeMessage { RecordId = "s-1", ResidentId = Person, Jurisdiction = "qingdao", Kind = "imprisonment", From = Today, Until = Today.AddDays(-1), Children = [minor, adult] }, Today, ShippedData.Catalog);

        Assert.Equal(["until", "children[1]"], result.Errors.Select(e => e.Field));
        var ok = FeedValidator.Validate(new CustodyNoticeMessage { RecordId = "s-1", ResidentId = Person, Jurisdiction = "qingdao", Kind = "imprisonment", From = Today, Children = [minor] }, Today, ShippedData.Catalog);
        Assert.Equal(minor, Assert.Single(ok.Value!.Children).Value);
    }

    [Fact]
    public void HukouMove_ToTheSameJurisdiction_IsRefused()
    {
        var result = FeedValidator.Validate(new HukouMoveMessage { RecordId = "h", ResidentId = Person, FromJurisdiction = "qingdao/shinan", ToJurisdiction = "qingdao/shinan", MovedOn = Today }, Today, ShippedData.Catalog);

        Assert.Equal("toJurisdiction", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Death_And_Job_NeedTheirOwnFields()
    {
        Assert.Equal(["recordId", "residentId", "dateOfDeath", "source"], FeedValidator.Validate(new DeathNoticeMessage { Source = "church" }, Today).Errors.Select(e => e.Field));
        Assert.Equal(["startedOn", "monthlyWage"], FeedValidator.Validate(new JobPlacementMessage { RecordId = "j", ResidentId = Person, MonthlyWage = -1m }, Today).Errors.Select(e => e.Field));
        Assert.True(FeedValidator.Validate(new JobPlacementMessage { RecordId = "j", ResidentId = Person, StartedOn = Today }, Today).IsValid);
    }
}
