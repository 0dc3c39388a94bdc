using Relief.Domain.Decisions;
using Relief.Domain.Dibao;
using Relief.Domain.Explanations;
using Relief.Domain.Households;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Dibao;

public class DibaoRulesTests
{
    private static readonly DateOnly Date = new(2024, 5, 10);
    private readonly DibaoDecisionService _service = new(ShippedData.Catalog);

    [Fact]
    public void Decide_QingdaoShinanThreeMembersIncome900_Pays1200()
    {
        Household household = HouseholdBuilder.In("qingdao/shinan").Urban().Adults(3).Income(IncomeKind.Wages, 900m).Build();

        DibaoDecision decision = _service.Decide(household, Date);

        Assert.Equal(DecisionOutcome.Eligible, decision.Outcome);
        Assert.Equal(300m, decision.Income!.PerCapitaMonthlyIncome);
        Assert.Equal(700m, decision.Standard);
        Assert.Equal((700m - 300m) * 3, decision.Amount);
        Assert.Equal(1200m, decision.Amount);
        ExplanationStep step = decision.Explanation.Find("dibao.difference")!;
        Assert.Equal(1200m, step.Contribution);
        Assert.Contains(step.Inputs, i => i.Name == "members" && i.Value == "3");
        Assert.Contains(step.Inputs, i => i.Name == "perCapitaIncome" && i.Value == "300.00");
        Assert.Equal(decision.Amount, decision.Explanation.TotalContribution);
        Assert.Equal(new DateOnly(2024, 6, 1), decision.FirstPaymentMonth);
    }

    [Fact]
    public void Decide_ThreeMembersIncome1000_RoundedOnceAtTheEnd_Pays1100NotOneFenMore()
    {
        // DOMAIN.md § Rules made precise (rounding): 3 × 700 − 1,000 = 1,100.00; rounding the per-capita income
        // (333.33) first would pay (700 − 333.33) × 3 = 1,100.01.
        Household household = HouseholdBuilder.In("qingdao/shinan").Urban().Adults(3).Income(IncomeKind.Wages, 1000m).Build();

        DibaoDecision decision = _service.Decide(household, Date);

        Assert.Equal(DecisionOutcome.Eligible, decision.Outcome);
        Assert.Equal(333.33m, decision.Income!.PerCapitaMonthlyIncome);
        Assert.Equal(1100.00m, decision.Amount);
        Assert.Equal(decision.Amount, decision.Explanation.TotalContribution);
    }

    [Theory]
    [InlineData(3, WorkAbility.Able, 800)]     // 3 refusals, able to work: his share (400) is lost
    [InlineData(2, WorkAbility.Able, 1200)]    // 2 refusals: nothing lost yet
    [InlineData(5, WorkAbility.Unable, 1200)]  // unable to work: the rule does not apply
    public void Decide_MemberRefusedSuitableWorkThreeTimes_LosesOwnShareOthersKeepTheirs(int refusals, WorkAbility ability, int expected)
    {
        // DOMAIN.md § Rules made precise (work refusal; 社会救助暂行办法 Art. 34; seed 002: at least 3 job recommendations).
        Household household = HouseholdBuilder.In("qingdao/shinan").Urban().Adults(3).Income(IncomeKind.Wages, 900m).Build();
        household = household with
        {
            Members = [household.Members[0] with { ConsecutiveWorkRefusals = refusals, WorkAbility = ability }, .. household.Members.Skip(1)],
        };

        DibaoDecision decision = _service.Decide(household, Date);

        Assert.Equal(DecisionOutcome.Eligible, decision.Outcome);
        Assert.Equal(expected, decision.Amount);
        Assert.Equal(300m, decision.Income!.PerCapitaMonthlyIncome); // his income still counts
        Assert.Equal(decision.Amount, decision.Explanation.TotalContribution);
    }

    [Fact]
    public void Decide_WorkedExample_ExplanationListsEveryRuleInOrder()
    {
        Household household = HouseholdBuilder.In("qingdao/shinan").Urban().Adults(3).Income(IncomeKind.Wages, 900m).Build();

        DibaoDecision decision = _service.Decide(household, Date);

        Assert.Equal(
            ["policy", "policy.national", "income.members", "income.counted", "income.total", "income.per-capita", "dibao.standard",
             "property.financial-assets", "property.vehicles", "property.dwellings", "dibao.income-below-standard", "dibao.difference"],
            decision.Explanation.Steps.Select(s => s.Rule));
        Assert.All(decision.Explanation.Steps, s => Assert.NotEmpty(s.Inputs));
        string text = decision.Explanation.ToString();
        Assert.Contains("qingdao.json", text, StringComparison.Ordinal);
        Assert.Contains("(standard − per-capita income) × members", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_LaixiRural_UsesStandard520()
    {
        Household household = HouseholdBuilder.In("qingdao/laixi").Rural().Adults(2).Income(IncomeKind.Business, 400m).Build();

        DibaoDecision decision = _service.Decide(household, Date);

        Assert.Equal(520m, decision.Standard);
        Assert.Equal((520m - 200m) * 2, decision.Amount);
    }

    [Fact]
    public void Decide_LaixiUrban_UsesStandard630()
    {
        Household household = HouseholdBuilder.In("qingdao/laixi").Urban().Adults(2).Income(IncomeKind.Business, 400m).Build();

        Assert.Equal((630m - 200m) * 2, _service.Decide(household, Date).Amount);
    }

    [Fact]
    public void Decide_IncomeAtStandard_IneligibleWithReason()
    {
        Household household = HouseholdBuilder.In("qingdao/shinan").Adults(2).Income(IncomeKind.Wages, 1400m).Build();

        DibaoDecision decision = _service.Decide(household, Date);

        Assert.Equal(DecisionOutcome.Ineligible, decision.Outcome);
        Assert.Equal(0m, decision.Amount);
        Assert.Contains(decision.Reasons, r => r.Contains("not below the standard 700.00", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_PropertyOverLimits_IneligibleWithEveryReason()
    {
        Household household = HouseholdBuilder.In("qingdao/shinan").Adults(2)
            .Property(new PropertyHoldings(Deposits: 30000m, Securities: 5000m, Vehicles: 1, Dwellings: 2))
            .Build();

        DibaoDecision decision = _service.Decide(household, Date);

        // 35,000 / 2 = 17,500 per member > 24 × 700 = 16,800.
        Assert.Equal(DecisionOutcome.Ineligible, decision.Outcome);
        Assert.Equal(3, decision.Reasons.Count);
        Assert.Contains(decision.Reasons, r => r.Contains("17500.00", StringComparison.Ordinal) && r.Contains("16800.00", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_BeforeQingdaoPolicy_NoRuleInForce()
    {
        Household household = HouseholdBuilder.In("qingdao/shinan").Adults(1).Build();

        DibaoDecision decision = _service.Decide(household, new DateOnly(2019, 12, 1));

        Assert.Equal(DecisionOutcome.NoRuleInForce, decision.Outcome);
        Assert.Single(decision.Reasons);
    }

    [Fact]
    public void Decide_NoCountedMember_Ineligible()
    {
        Household household = HouseholdBuilder.In("qingdao/shinan").Member(new DateOnly(1980, 1, 1), m => m with { Status = MemberStatus.DeclaredMissing }).Build();

        Assert.Equal(DecisionOutcome.Ineligible, _service.Decide(household, Date).Outcome);
    }

    [Theory]
    [InlineData(0, "A", 800)]
    [InlineData(800, "B", 560)]
    [InlineData(1200, "C", 320)]
    public void Decide_TierMode_PaysTierShareOfStandardPerMember(int householdIncome, string tier, int expectedPerMember)
    {
        Household household = HouseholdBuilder.In("testville").Urban().Adults(2).Income(IncomeKind.Wages, householdIncome).Build();

        DibaoDecision decision = DibaoRules.Decide(household, TestPolicies.Tiered(), Date);

        Assert.Equal(tier, decision.Tier);
        Assert.Equal(expectedPerMember * 2, decision.Amount);
        Assert.Equal(decision.Amount, decision.Explanation.TotalContribution);
    }
}
