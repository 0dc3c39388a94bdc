namespace Relief.Cases.Verification;

/// <summary>
/// One agency's part of a case's economic verification (经济状况核对), as kept on the case record. No personal data:
/// the answer's <see cref="Summary"/> is the agency's finding in words (e.g. <c>no vehicle registered</c>).
/// </summary>
/// <param name="Agency">The agency.</param>
/// <param name="RequestId">The id sent with the request and expected back with the answer (<c>{caseId}-ev-{agency}</c>).</param>
/// <param name="State">Where it stands.</param>
/// <param name="RequestedAt">When the request was sent.</param>
/// <param name="DueAt">When the answer is due.</param>
/// <param name="AnsweredAt">When the answer arrived, if it has.</param>
/// <param name="Summary">The agency's finding.</param>
/// <param name="Discrepancy">True when the agency's data contradicts the declaration; the approver must see it.</param>
/// <param name="Corrections">Earlier answers the agency corrected (更正), oldest first; null when none.</param>
public sealed record VerificationRecord(
    VerificationAgency Agency,
    string RequestId,
    VerificationState State,
    DateTimeOffset RequestedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? AnsweredAt = null,
    string? Summary = null,
    bool Discrepancy = false,
    IReadOnlyList<VerificationCorrection>? Corrections = null)
{
    /// <summary>The request id of <paramref name="agency"/> for case <paramref name="caseId"/>.</summary>
    public static string RequestIdOf(string caseId, VerificationAgency agency) => $"{caseId}-ev-{agency.ToCode()}";
}

/// <summary>An answer an agency later corrected (更正): what it said before, kept beside the answer now in force.</summary>
/// <param name="AnsweredAt">When the earlier answer arrived.</param>
/// <param name="Summary">What it said.</param>
/// <param name="Discrepancy">Whether it reported a discrepancy.</param>
/// <param name="CorrectedAt">When the correction arrived.</param>
public sealed record VerificationCorrection(DateTimeOffset? AnsweredAt, string? Summary, bool Discrepancy, DateTimeOffset CorrectedAt);
