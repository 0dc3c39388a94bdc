using Relief.Domain.Decisions;
using Relief.Domain.Dibao;
using Relief.Domain.Reviews;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Reviews;

public class GradualExitRulesTests
{
    private readonly DibaoDecisionService _service = new(ShippedData.Catalog);

    [Theory]
    [InlineData(2024, 3, 15, 6, true)]
    [InlineData(2024, 4, 1, 5, true)]
    [InlineData(2024, 9, 30, 0, true)]
    [InlineData(2024, 10, 1, 0, false)]
    public void EvaluateGradualExit_QingdaoSixMonths_CountsMonthsLeft(int year, int month, int day, int monthsLeft, bool paying)
    {
        // Income rose in March 2024: the benefit continues through September 2024.
        GradualExitDecision decision = _service.EvaluateGradualExit(HouseholdBuilder.In("qingdao/shinan").Adults(2).Build(), 800m, new DateOnly(2024, 3, 10), new DateOnly(year, month, day));

        Assert.Equal(new DateOnly(2024, 9, 1), decision.LastPaidMonth);
        Assert.Equal(monthsLeft, decision.MonthsLeft);
        Assert.Equal(paying ? DecisionOutcome.Eligible : DecisionOutcome.Ineligible, decision.Outcome);
        Assert.Equal(paying ? 800m : 0m, decision.Amount);
        Assert.Equal(decision.Amount, decision.Explanation.TotalContribution);
    }

    [Fact]
    public void Evaluate_ThreeMonthPolicy_EndsEarlier()
    {
        GradualExitDecision decision = GradualExitRules.Evaluate(500m, new DateOnly(2025, 11, 20), new DateOnly(2026, 2, 1), TestPolicies.Parse());

        Assert.Equal(new DateOnly(2026, 2, 1), decision.LastPaidMonth);
        Assert.Equal(0, decision.MonthsLeft);
        Assert.Equal(500m, decision.Amount);
    }
}
