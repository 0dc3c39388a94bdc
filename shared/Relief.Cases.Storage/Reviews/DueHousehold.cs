using Relief.Domain.Reviews;

namespace Relief.Cases.Storage.Reviews;

/// <summary>A household due for review, as the due index holds it.</summary>
/// <param name="BeneficiaryId">The household.</param>
/// <param name="Program">The program.</param>
/// <param name="Jurisdiction">The paying office.</param>
/// <param name="CaseId">The enrolling case.</param>
/// <param name="Frequency">Its cadence.</param>
/// <param name="DueDate">The date the review is due.</param>
public sealed record DueHousehold(string BeneficiaryId, string Program, string Jurisdiction, string CaseId, ReviewFrequency Frequency, DateOnly DueDate);

/// <summary>One page of the due index and where the next begins (null at the end).</summary>
/// <param name="Households">The households of this page.</param>
/// <param name="ContinuationToken">Pass it back for the next page; null when done.</param>
public sealed record DuePage(IReadOnlyList<DueHousehold> Households, string? ContinuationToken);
