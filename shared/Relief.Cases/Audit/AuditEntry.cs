namespace Relief.Cases.Audit;

/// <summary>
/// One append-only audit record (审计记录) of a case: every step, action, actor and deadline has one.
/// The actor is an operator id and role, never a person's name or ID-card number.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Sequence">Position in the case's audit trail, from 1, without gaps.</param>
/// <param name="At">When it happened (from the workflow's clock).</param>
/// <param name="Kind">What it records.</param>
/// <param name="Actor">Who: an operator id such as <c>caseworker:0042</c>, or <c>system</c>.</param>
/// <param name="Step">The case step it concerns.</param>
/// <param name="Summary">A short English sentence of what happened, free of personal data.</param>
/// <param name="Due">For deadlines and escalations: the due instant.</param>
public sealed record AuditEntry(
    string CaseId,
    int Sequence,
    DateTimeOffset At,
    AuditEntryKind Kind,
    string Actor,
    string Step,
    string Summary,
    DateTimeOffset? Due = null);
