using Relief.Cases.Assessment;
using Relief.Domain.Dibao;

namespace Relief.Cases.Reviews;

/// <summary>
/// The policy engine's answer for the household as the review found it (复核评估): eligible or not, the monthly amount,
/// why not, and whether per-capita income is at or above the standard.
/// </summary>
/// <param name="Eligible">True when still eligible.</param>
/// <param name="MonthlyAmount">The monthly amount the policy gives now (0 when not eligible).</param>
/// <param name="Reasons">Why not eligible.</param>
/// <param name="IncomeAboveStandard">Per-capita income is not below the dibao standard (the condition of a gradual exit).</param>
public sealed record Reassessment(bool Eligible, decimal MonthlyAmount, IReadOnlyList<string> Reasons, bool IncomeAboveStandard)
{
    /// <summary>From a case assessment of the household as found.</summary>
    public static Reassessment From(CaseAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        bool above = assessment.Decision is DibaoDecision { Income: { } income, Standard: > 0m } dibao
            && income.ExactPerCapitaMonthlyIncome >= dibao.Standard;
        return new Reassessment(assessment.IsEligible, assessment.IsEligible ? assessment.Amount : 0m, assessment.Reasons, above);
    }
}
