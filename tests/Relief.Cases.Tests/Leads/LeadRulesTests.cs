using Relief.Cases.Feeds;
using Relief.Cases.Leads;
using Relief.Cases.Tests.Builders;
using Relief.Domain.Households;
using Relief.Domain.Policies;

namespace Relief.Cases.Tests.Leads;

public sealed class LeadRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly ResidentIdNumber Person = ResidentIdNumber.Parse(TestIds.For(new DateOnly(1970, 1, 1), 7)).Value!;
    private static readonly JurisdictionCode Shinan = JurisdictionCode.Parse("qingdao/shinan");

    private static FeedRecord Medical(decimal amount) => new(FeedKind.MedicalSelfPay, "yb", Person, Today) { Jurisdiction = Shinan, Amount = amount, Year = 2026 };

    [Theory]
    [InlineData(45000, true)]
    [InlineData(40000.01, true)]
    [InlineData(40000, false)] // "above 40,000": the threshold itself raises none
    [InlineData(35000, false)]
    public void MedicalSelfPay_AboveTheThreshold_RaisesALead(double amount, bool raised)
    {
        var leads = LeadRules.For(Medical((decimal)amount), DiscoveryParameters.Seeds);

        Assert.Equal(raised, leads.Count == 1);
        if (raised) Assert.Contains("seed-004 threshold", leads[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_LocalThreshold_IsTheJurisdictions()
    {
        var local = new DiscoveryParameters { MedicalSelfPayYearlyThreshold = 50_000m, LeadVisitWorkingDays = 5, Local = true };

        Assert.Empty(LeadRules.For(Medical(45000m), local));
        Assert.Contains("jurisdiction's threshold", Assert.Single(LeadRules.For(Medical(50000.01m), local)).Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("physical", 1, true)]
    [InlineData("visual", 2, true)]
    [InlineData("intellectual", 3, true)]
    [InlineData("mental", 3, true)]
    [InlineData("physical", 3, false)]
    [InlineData("mental", 4, false)]
    public void SevereDisability_IsGradeOneOrTwo_OrGradeThreeIntellectualOrMental(string type, int grade, bool raised)
    {
        var record = new FeedRecord(FeedKind.Disability, "cl", Person, Today) { Jurisdiction = Shinan, Detail = type, Grade = grade };

        Assert.Equal(raised, LeadRules.For(record, DiscoveryParameters.Seeds).Count == 1);
    }

    [Fact]
    public void Custody_RaisesOneLeadPerMinorChild_NoneForTheParent()
    {
        var children = new[] { ResidentIdNumber.Parse(TestIds.For(new DateOnly(2015, 1, 1), 1)).Value!, ResidentIdNumber.Parse(TestIds.For(new DateOnly(2017, 1, 1), 2)).Value! };
        var record = new FeedRecord(FeedKind.Custody, "sf", Person, Today) { Jurisdiction = Shinan, Detail = "imprisonment", Children = children };

        var leads = LeadRules.For(record, DiscoveryParameters.Seeds);

        Assert.Equal(children, leads.Select(l => l.Person));
        Assert.All(leads, l => Assert.Equal(LeadReason.ChildOfPersonInCustody, l.Reason));
    }

    [Fact]
    public void Deaths_Jobs_AndMoves_RaiseNoLead()
    {
        Assert.Empty(LeadRules.For(new FeedRecord(FeedKind.Death, "d", Person, Today) { Detail = "hospital" }, DiscoveryParameters.Seeds));
        Assert.Empty(LeadRules.For(new FeedRecord(FeedKind.JobPlacement, "j", Person, Today), DiscoveryParameters.Seeds));
    }
}
