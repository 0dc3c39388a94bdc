using Relief.Domain.Households;
using Relief.Domain.Tests.Builders;
using Relief.Domain.Validation;

namespace Relief.Domain.Tests.Households;

public class HouseholdValidatorTests
{
    [Fact]
    public void Validate_ConsistentHousehold_NoErrors()
    {
        HouseholdBuilder b = HouseholdBuilder.In("qingdao/shinan").Adults(2);
        b.IncomeOf(1, IncomeKind.Wages, 900m);

        Assert.Empty(HouseholdValidator.Validate(b.Build()));
    }

    [Fact]
    public void Validate_AbsurdAmountsAndCounts_RefusedNamingEachFieldAndTheLimit()
    {
        // Issue 16 § 5: an income of 5e28 once passed intake and made every assessment throw.
        Household valid = HouseholdBuilder.In("qingdao/shinan").Adults(1).Build();
        Household household = valid with
        {
            Incomes = [new IncomeItem(IncomeKind.Wages, 50_000_000_000_000_000_000_000_000_000m), new IncomeItem(IncomeKind.Wages, HouseholdLimits.MaxMonthlyAmount)],
            RigidExpenditures = [new RigidExpenditure(RigidExpenditureKind.Medical, 10_000_000.01m)],
            Property = new PropertyHoldings(HouseholdLimits.MaxAssetValue + 1m, 0m, HouseholdLimits.MaxPropertyCount + 1, 1),
        };

        IReadOnlyList<ValidationError> errors = HouseholdValidator.Validate(household);

        Assert.Equal(["incomes[0].monthlyAmount", "rigidExpenditures[0].monthlyAmount", "property.deposits", "property.vehicles"], errors.Select(e => e.Field));
        Assert.Contains("10,000,000 yuan", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MoreMembersThanTheLimit_Refused()
    {
        Household household = HouseholdBuilder.In("qingdao/shinan").Adults(HouseholdLimits.MaxMembers + 1).Build();

        ValidationError error = Assert.Single(HouseholdValidator.Validate(household));

        Assert.Equal("members", error.Field);
        Assert.Contains("at most 30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryProblem_NamedByField()
    {
        Household valid = HouseholdBuilder.In("qingdao/shinan").Adults(1).Build();
        Household household = valid with
        {
            Members = [valid.Members[0], valid.Members[0]],
            Incomes = [new IncomeItem(IncomeKind.Wages, -1m), new IncomeItem(IncomeKind.Wages, 5m, TestIds.For(new DateOnly(1999, 9, 9), 9))],
            RigidExpenditures = [new RigidExpenditure(RigidExpenditureKind.Medical, -3m)],
            Property = new PropertyHoldings(-1m, 0m, 0, -1),
        };

        IReadOnlyList<ValidationError> errors = HouseholdValidator.Validate(household);

        Assert.Equal(
            ["members[1].residentId", "incomes[0].monthlyAmount", "incomes[1].memberId", "rigidExpenditures[0].monthlyAmount", "property.deposits", "property.dwellings"],
            errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.StartsWith(e.Field, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoMembers_Error()
    {
        Household household = HouseholdBuilder.In("qingdao/shinan").Build();

        Assert.Equal("members", Assert.Single(HouseholdValidator.Validate(household)).Field);
    }
}
