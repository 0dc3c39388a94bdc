using Relief.Domain.Decisions;
using Relief.Domain.Dibao;
using Relief.Domain.Households;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Dibao;

public class MarginalHouseholdRulesTests
{
    private static readonly DateOnly Date = new(2024, 5, 10);
    private readonly DibaoDecisionService _service = new(ShippedData.Catalog);

    [Theory]
    [InlineData(1400, DecisionOutcome.Eligible)]
    [InlineData(2098, DecisionOutcome.Eligible)]
    [InlineData(2100, DecisionOutcome.Ineligible)]
    [InlineData(1398, DecisionOutcome.Ineligible)]
    public void DecideMarginal_PerCapitaAgainstOneAndHalfStandard_Decides(int income, DecisionOutcome expected)
    {
        // Two members, standard 700: marginal when 700 ≤ per capita < 1,050.
        Household household = HouseholdBuilder.In("qingdao/shinan").Adults(2).Income(IncomeKind.Wages, income).Build();

        RecognitionDecision decision = _service.DecideMarginal(household, Date);

        Assert.Equal(expected, decision.Outcome);
        Assert.Equal(0m, decision.Amount);
        Assert.Equal(AmountKind.None, decision.AmountKind);
    }
}
