namespace Relief.Cases.Storage.Queues;

/// <summary>
/// A request on the <c>economic-verification-requests</c> queue: asks one agency, through the county's checking
/// centre (核对中心), to confirm a household's economic situation. It carries the members' resident ID numbers —
/// the agency cannot match records without them, and the applicant consented (核对授权) — so it is never logged;
/// log the <see cref="RequestId"/> instead.
/// </summary>
/// <param name="RequestId">Sent back with the answer (<c>{caseId}-ev-{agency}</c>); the same on a retried send.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Agency">Agency code, e.g. <c>tax</c>.</param>
/// <param name="Jurisdiction">Jurisdiction code, for routing to the county's checking centre.</param>
/// <param name="RequestedAt">When the request was made.</param>
/// <param name="AnswerDueAt">When the answer is due; past it the case is escalated.</param>
/// <param name="ResidentIds">The household members to check.</param>
/// <param name="ReplyQueue">The queue the answer goes to.</param>
public sealed record EconomicVerificationRequestMessage(
    string RequestId,
    string CaseId,
    string Agency,
    string Jurisdiction,
    DateTimeOffset RequestedAt,
    DateTimeOffset AnswerDueAt,
    IReadOnlyList<string> ResidentIds,
    string ReplyQueue);

/// <summary>
/// An answer on the <c>economic-verification-answers</c> queue. Fields are nullable so a bad message is reported
/// field by field (and goes to the poison queue with the reason) instead of failing to bind.
/// </summary>
/// <param name="RequestId">The request answered.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Agency">Agency code.</param>
/// <param name="AnsweredAt">When the agency answered (informational; the case uses its own clock).</param>
/// <param name="Summary">The finding in words, free of personal data (at most 2,000 characters).</param>
/// <param name="Discrepancy">True when the agency's data contradicts the declaration.</param>
public sealed record EconomicVerificationAnswerMessage(
    string? RequestId,
    string? CaseId,
    string? Agency,
    DateTimeOffset? AnsweredAt,
    string? Summary,
    bool? Discrepancy);
