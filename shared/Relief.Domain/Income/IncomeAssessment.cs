using Relief.Domain.Explanations;

namespace Relief.Domain.Income;

/// <summary>Result of the household income assessment (家庭收入核算).</summary>
/// <param name="Members">Counted members (共同生活的家庭成员人数).</param>
/// <param name="GrossCountedMonthlyIncome">Counted income before deductions.</param>
/// <param name="Deductions">Employment-cost and rigid-expenditure deductions.</param>
/// <param name="CountedMonthlyIncome">Counted income after deductions, never below zero.</param>
/// <param name="PerCapitaMonthlyIncome">Counted income per member, rounded to the fen (家庭人均月收入).</param>
/// <param name="Steps">Every exclusion, deduction and division applied, in order.</param>
public sealed record IncomeAssessment(
    int Members,
    decimal GrossCountedMonthlyIncome,
    decimal Deductions,
    decimal CountedMonthlyIncome,
    decimal PerCapitaMonthlyIncome,
    IReadOnlyList<ExplanationStep> Steps)
{
    /// <summary>Counted income per member, exact (not rounded): what comparisons and amounts use, so that a
    /// rounded per-capita figure is never fed back (DOMAIN § Rules made precise, rounding).</summary>
    public decimal ExactPerCapitaMonthlyIncome => Members > 0 ? CountedMonthlyIncome / Members : CountedMonthlyIncome;
}
