using Relief.Domain.Decisions;
using Relief.Domain.Explanations;
using Relief.Domain.Households;
using Relief.Domain.Income;
using Relief.Domain.Money;
using Relief.Domain.Policies;

namespace Relief.Domain.Dibao;

/// <summary>
/// Marginal household (低保边缘家庭): not eligible for dibao, per-capita income below the policy's
/// multiple (1.5×) of the standard, property within limits.
/// </summary>
public static class MarginalHouseholdRules
{
    /// <summary>Decides whether a household is marginal.</summary>
    public static RecognitionDecision Decide(Household household, PolicyParameters policy, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(policy);
        var e = new ExplanationBuilder();
        DecisionSupport.NotePolicy(e, policy, date, "minimumWage", "dibao");
        if (household.CountedMembers.Count == 0)
        {
            return Result(e, "The household has no counted member.");
        }

        IncomeAssessment income = IncomeAssessor.Assess(household, policy);
        e.AddRange(income.Steps);
        decimal standard = policy.Dibao.StandardFor(household.Registration);
        decimal threshold = MoneyRounding.ToFen(policy.Dibao.MarginalMultiple * standard);
        var reasons = new List<string>(PropertyCheck.Check(household, income.Members, standard, policy, e));
        e.Note("marginal.not-dibao", "Per-capita income is not below the dibao standard (不符合低保条件)", income.PerCapitaMonthlyIncome,
            ("perCapitaIncome", income.PerCapitaMonthlyIncome), ("standard", standard));
        if (income.PerCapitaMonthlyIncome < standard)
        {
            reasons.Add("The household's income is below the dibao standard: decide dibao instead.");
        }

        e.Note("marginal.threshold", "Per-capita income must be below the marginal multiple of the standard (低保边缘)", threshold,
            ("perCapitaIncome", income.PerCapitaMonthlyIncome), ("multiple", policy.Dibao.MarginalMultiple), ("standard", standard));
        if (income.PerCapitaMonthlyIncome >= threshold)
        {
            reasons.Add($"Per-capita monthly income {income.PerCapitaMonthlyIncome:0.00} is not below {policy.Dibao.MarginalMultiple:0.##} × the standard ({threshold:0.00}).");
        }

        return Result(e, reasons.ToArray());
    }

    private static RecognitionDecision Result(ExplanationBuilder e, params string[] reasons) => new()
    {
        Outcome = reasons.Length == 0 ? DecisionOutcome.Eligible : DecisionOutcome.Ineligible,
        Amount = 0m,
        AmountKind = AmountKind.None,
        Reasons = reasons,
        Explanation = e.Build(),
    };
}
