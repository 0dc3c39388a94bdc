using Relief.Domain.Reviews;

namespace Relief.Cases.Reviews;

/// <summary>
/// A household's review schedule in one program (动态管理台账): where it is paid, the case that enrolled it, its cadence,
/// the date its next review is due, and the warnings it has had. One per household and program.
/// </summary>
/// <param name="BeneficiaryId">Pseudonymous household id (the register's).</param>
/// <param name="Program">Program code (<c>dibao</c>, <c>tekun</c>).</param>
/// <param name="Jurisdiction">Paying office.</param>
/// <param name="CaseId">The case that enrolled it (the reviews go into its audit trail).</param>
/// <param name="Frequency">Yearly or half-yearly.</param>
/// <param name="NextReview">The date the next review is due.</param>
/// <param name="Warnings">Warnings recorded (警示), oldest first; no personal data.</param>
public sealed record HouseholdReview(
    string BeneficiaryId,
    string Program,
    string Jurisdiction,
    string CaseId,
    ReviewFrequency Frequency,
    DateOnly NextReview,
    IReadOnlyList<string> Warnings)
{
    /// <summary>False once the household has left the program (terminated, or its gradual exit scheduled).</summary>
    public bool Active { get; init; } = true;

    /// <summary>The review whose findings hold the household's current facts; null while the application's still do.</summary>
    public string? FactsFrom { get; init; }
}
