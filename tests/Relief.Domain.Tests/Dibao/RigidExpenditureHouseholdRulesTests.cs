using Relief.Domain.Decisions;
using Relief.Domain.Dibao;
using Relief.Domain.Households;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Dibao;

public class RigidExpenditureHouseholdRulesTests
{
    // testville: standard 800, marginal below 1,200 per capita, disposable income 40,000 a year, ratio 0.5.
    private static Household Family(decimal income, decimal medical) =>
        HouseholdBuilder.In("testville").Urban().Adults(2).Income(IncomeKind.Wages, income).Rigid(RigidExpenditureKind.Medical, medical).Build();

    [Fact]
    public void Decide_HighSpendingAboveMarginal_EligibleForTwelveMonths()
    {
        RecognitionDecision decision = RigidExpenditureHouseholdRules.Decide(Family(3000m, 2000m), TestPolicies.Parse(), new DateOnly(2025, 3, 10), receivesTekun: false);

        Assert.Equal(DecisionOutcome.Eligible, decision.Outcome);
        Assert.Equal(new DateOnly(2026, 3, 9), decision.ValidUntil);
    }

    [Fact]
    public void Decide_SpendingBelowRatio_Ineligible()
    {
        RecognitionDecision decision = RigidExpenditureHouseholdRules.Decide(Family(3000m, 1500m), TestPolicies.Parse(), new DateOnly(2025, 3, 10), receivesTekun: false);

        Assert.Equal(DecisionOutcome.Ineligible, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Contains("does not exceed", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_MarginalHousehold_Ineligible()
    {
        RecognitionDecision decision = RigidExpenditureHouseholdRules.Decide(Family(2000m, 2000m), TestPolicies.Parse(), new DateOnly(2025, 3, 10), receivesTekun: false);

        Assert.Contains(decision.Reasons, r => r.Contains("marginal", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_Before2025_NoRuleInForce()
    {
        RecognitionDecision decision = RigidExpenditureHouseholdRules.Decide(Family(3000m, 2000m), TestPolicies.Parse(date: new DateOnly(2024, 12, 31)), new DateOnly(2024, 12, 31), receivesTekun: false);

        Assert.Equal(DecisionOutcome.NoRuleInForce, decision.Outcome);
    }
}
