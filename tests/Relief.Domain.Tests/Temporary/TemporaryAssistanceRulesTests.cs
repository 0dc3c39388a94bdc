using Relief.Domain.Decisions;
using Relief.Domain.Explanations;
using Relief.Domain.Households;
using Relief.Domain.Temporary;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Temporary;

public class TemporaryAssistanceRulesTests
{
    private static readonly DateOnly Date = new(2024, 8, 20);
    private readonly TemporaryAssistanceService _service = new(ShippedData.Catalog);

    private static TemporaryAssistanceRequest Request(TemporaryAssistanceType type, int months, decimal already = 0m) => new()
    {
        Household = HouseholdBuilder.In("qingdao/shinan").Adults(2).Build(),
        Type = type,
        MonthsOfNeed = months,
        AlreadyReceivedThisYear = already,
    };

    [Fact]
    public void Decide_GrantPassingYearlyCap_CutToRemainderAndExplained()
    {
        // Three months at the 700 standard = 2,100, but only 30,000 − 29,000 = 1,000 remains.
        TemporaryAssistanceDecision decision = _service.Decide(Request(TemporaryAssistanceType.Expenditure, 3, already: 29000m), Date);

        Assert.Equal(DecisionOutcome.Eligible, decision.Outcome);
        Assert.True(decision.CappedByYearlyLimit);
        Assert.Equal(30000m - 29000m, decision.Amount);
        ExplanationStep cut = decision.Explanation.Find("temporary.cap-cut")!;
        Assert.Equal(1000m - (3 * 700m), cut.Contribution);
        Assert.Contains("1000.00 yuan that remains of the 30000.00 yuan yearly cap", cut.Description, StringComparison.Ordinal);
        Assert.Contains("already received 29000.00", cut.Description, StringComparison.Ordinal);
        Assert.Equal(decision.Amount, decision.Explanation.TotalContribution);
    }

    [Fact]
    public void Decide_EmergencyAwayFromHome_PlaceOfTheEmergencyDecides()
    {
        // DOMAIN.md § Rules made precise; seed 002 and 83号: emergency assistance where the emergency happened.
        // A Liyang household (Liyang ships no temporary-assistance figures) struck by an emergency in Qingdao.
        var request = new TemporaryAssistanceRequest
        {
            Household = HouseholdBuilder.In("liyang").Adults(2).Build(),
            Type = TemporaryAssistanceType.Emergency,
            MonthsOfNeed = 1,
            EmergencyPlace = JurisdictionCode.Parse("qingdao/shinan"),
        };

        TemporaryAssistanceDecision there = _service.Decide(request, Date);
        TemporaryAssistanceDecision atHome = _service.Decide(request with { EmergencyPlace = null }, Date);

        Assert.Equal(DecisionOutcome.Eligible, there.Outcome);
        Assert.Equal(700m, there.Amount); // one month at Qingdao's 700 standard
        Assert.NotNull(there.Explanation.Find("temporary.emergency-place"));
        Assert.Equal(DecisionOutcome.NoRuleInForce, atHome.Outcome);
    }

    [Fact]
    public void Decide_ExpenditureType_FollowsTheHouseholdWhateverPlaceIsGiven()
    {
        var request = Request(TemporaryAssistanceType.Expenditure, 1) with { EmergencyPlace = JurisdictionCode.Parse("liyang") };

        TemporaryAssistanceDecision decision = _service.Decide(request, Date);

        Assert.Equal(DecisionOutcome.Eligible, decision.Outcome);
        Assert.Equal(700m, decision.Amount);
        Assert.Null(decision.Explanation.Find("temporary.emergency-place"));
    }

    [Fact]
    public void Decide_CapAlreadyReached_IneligibleWithZero()
    {
        TemporaryAssistanceDecision decision = _service.Decide(Request(TemporaryAssistanceType.Expenditure, 1, already: 30000m), Date);

        Assert.Equal(DecisionOutcome.Ineligible, decision.Outcome);
        Assert.Equal(0m, decision.Amount);
        Assert.Equal(0m, decision.Explanation.TotalContribution);
    }

    [Theory]
    [InlineData(100, 525)]
    [InlineData(700, 700)]
    [InlineData(5000, 875)]
    public void Decide_ProposedMonthlyLevel_KeptWithinTwentyFivePercentBand(int proposed, int expectedMonthly)
    {
        TemporaryAssistanceRequest request = Request(TemporaryAssistanceType.Expenditure, 2) with { ProposedMonthlyAmount = proposed };

        TemporaryAssistanceDecision decision = _service.Decide(request, Date);

        Assert.Equal(expectedMonthly * 2, decision.Amount);
        Assert.False(decision.RequiresHigherApproval);
    }

    [Fact]
    public void Decide_CaseByCaseAboveBand_FlaggedForHigherApproval()
    {
        TemporaryAssistanceRequest request = Request(TemporaryAssistanceType.Expenditure, 2) with { CaseByCaseAmount = 12000m };

        TemporaryAssistanceDecision decision = _service.Decide(request, Date);

        Assert.True(decision.RequiresHigherApproval);
        Assert.Equal(12000m, decision.Amount);
        Assert.Equal(12000m - 1400m, decision.Explanation.Find("temporary.case-by-case")!.Contribution);
        Assert.Equal(decision.Amount, decision.Explanation.TotalContribution);
    }

    [Fact]
    public void Decide_ExpenditureInInstalments_OneApprovalPaidMonthlyAddingUp()
    {
        TemporaryAssistanceRequest request = Request(TemporaryAssistanceType.Expenditure, 1) with { CaseByCaseAmount = 10000m, Instalments = 3 };

        TemporaryAssistanceDecision decision = _service.Decide(request, Date);

        Assert.Equal([3333.34m, 3333.33m, 3333.33m], decision.Instalments.Select(i => i.Amount));
        Assert.Equal(decision.Amount, decision.Instalments.Sum(i => i.Amount));
        Assert.Equal([new DateOnly(2024, 9, 1), new DateOnly(2024, 10, 1), new DateOnly(2024, 11, 1)], decision.Instalments.Select(i => i.Month));
        Assert.True(decision.RequiresEconomicVerification);
        Assert.False(decision.AdvanceRelief);
    }

    [Fact]
    public void Decide_SmallEmergency_AdvanceFromReserveFundWithin24Hours()
    {
        TemporaryAssistanceRequest request = Request(TemporaryAssistanceType.Emergency, 1) with { ProposedMonthlyAmount = 600m };

        TemporaryAssistanceDecision decision = _service.Decide(request, Date);

        Assert.Equal(600m, decision.Amount);
        Assert.True(decision.AdvanceRelief);
        Assert.True(decision.FromReserveFund);
        Assert.Equal(24, decision.PayWithinHours);
        Assert.False(decision.RequiresEconomicVerification);
        Assert.Equal(new DateOnly(2024, 8, 1), Assert.Single(decision.Instalments).Month);
    }

    [Fact]
    public void Decide_LargerEmergency_AdvanceButNotFromReserveFund()
    {
        TemporaryAssistanceDecision decision = _service.Decide(Request(TemporaryAssistanceType.Emergency, 3), Date);

        Assert.True(decision.AdvanceRelief);
        Assert.False(decision.FromReserveFund);
    }

    [Fact]
    public void Decide_EmergencyInInstalments_Throws()
    {
        TemporaryAssistanceRequest request = Request(TemporaryAssistanceType.Emergency, 1) with { Instalments = 2 };

        Assert.Throws<ArgumentException>(() => _service.Decide(request, Date));
    }

    [Fact]
    public void Decide_QuanzhouBand_ReferencesItsOwnStandard()
    {
        TemporaryAssistanceRequest request = Request(TemporaryAssistanceType.Expenditure, 1) with
        {
            Household = HouseholdBuilder.In("quanzhou-taishang").Adults(1).Build(),
            ProposedMonthlyAmount = 2000m,
        };

        // 882 × 1.25 = 1,102.50.
        Assert.Equal(1102.50m, _service.Decide(request, new DateOnly(2022, 6, 1)).Amount);
    }

    [Fact]
    public void Decide_JurisdictionWithoutTemporaryParameters_NoRuleInForce()
    {
        TemporaryAssistanceRequest request = Request(TemporaryAssistanceType.Emergency, 1) with { Household = HouseholdBuilder.In("liyang").Adults(1).Build() };

        Assert.Equal(DecisionOutcome.NoRuleInForce, _service.Decide(request, Date).Outcome);
    }

    // DOMAIN.md § Rules made precise, "Every figure has its own effective date" (seed 001: the 30,000 cap from
    // 2020-01-01, the standards from 2020-04-01): the explanation names the version of each figure it used.
    [Fact]
    public void Decide_Qingdao2020_CapNamedWithItsOwnDate_StandardsWithTheirs()
    {
        TemporaryAssistanceDecision decision = _service.Decide(Request(TemporaryAssistanceType.Expenditure, 2), new DateOnly(2020, 6, 1));

        Assert.Equal(DecisionOutcome.Eligible, decision.Outcome);
        Assert.Contains(decision.Explanation.Find("temporary.cap")!.Inputs, i => i.Name == "capInForceSince" && i.Value == "2020-01-01");
        Assert.Contains(decision.Explanation.Find("policy")!.Inputs, i => i.Name == "effectiveFrom" && i.Value == "2020-04-01");
        ExplanationStep figures = decision.Explanation.Find("policy.figures")!;
        Assert.Contains("temporary.yearlyCapPerHousehold since 2020-01-01", figures.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Qingdao_BeforeTheFirstStandards_NotConfiguredNamingTheParameter()
    {
        TemporaryAssistanceDecision decision = _service.Decide(Request(TemporaryAssistanceType.Expenditure, 2), new DateOnly(2020, 2, 15));

        Assert.Equal(DecisionOutcome.NoRuleInForce, decision.Outcome);
        Assert.Contains("Not configured for qingdao", Assert.Single(decision.Reasons), StringComparison.Ordinal);
    }
}
