using Relief.Cases.Audit;
using Relief.Cases.Deadlines;
using Relief.Cases.Intake;
using Relief.Cases.Transfers;
using Relief.Cases.Verification;

namespace Relief.Cases.Records;

/// <summary>
/// What <c>GET /api/applications/{id}</c> shows (办理进度): program, current step, every deadline with its date and
/// whether it still runs, the steps so far with who and when (from the audit trail), transfers, and the decision
/// with its explanation. No personal data.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Program">Program code.</param>
/// <param name="Jurisdiction">Jurisdiction code.</param>
/// <param name="Step">Current step.</param>
/// <param name="Deadlines">Every deadline set, earliest first.</param>
/// <param name="History">The audit trail in order.</param>
/// <param name="Transfers">Transfers to departments.</param>
/// <param name="Verifications">Economic-verification requests to agencies and their answers (经济状况核对).</param>
/// <param name="Links">Cases this one was referred to or from (转诊).</param>
/// <param name="Decision">The decision, once assessed.</param>
/// <param name="CreatedAt">When the application arrived.</param>
/// <param name="UpdatedAt">When the case last changed.</param>
/// <param name="Overridden">Approved although the policy engine found it ineligible (越权批准; the reason is in the history).</param>
/// <param name="Investigators">Operator ids of the home visit's investigators (none of them may decide the case).</param>
public sealed record CaseStatusView(
    string CaseId,
    string Program,
    string Jurisdiction,
    string Step,
    IReadOnlyList<CaseStatusDeadline> Deadlines,
    IReadOnlyList<CaseStatusEvent> History,
    IReadOnlyList<TransferRecord> Transfers,
    IReadOnlyList<VerificationRecord> Verifications,
    IReadOnlyList<CaseLink> Links,
    CaseDecisionRecord? Decision,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Overridden,
    IReadOnlyList<string> Investigators)
{
    /// <summary>Builds the view of a case at <paramref name="now"/> from its record and audit trail.</summary>
    public static CaseStatusView From(CaseRecord record, IReadOnlyList<AuditEntry> audit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(audit);
        var deadlines = record.Deadlines
            .OrderBy(d => d.ExpiresAt)
            .Select(d =>
            {
                bool running = d.Kind == CaseDeadlineKind.TransferReply
                    ? record.Transfers.Any(t => t.TransferId == d.Reference && !TransferTransitions.IsClosed(t.State))
                    : !record.ClosedDeadlines.Contains(d.Kind) && !Lifecycle.CaseTransitions.IsTerminal(record.Step);
                return new CaseStatusDeadline(d.Kind, d.DueDate, d.ExpiresAt, d.Basis, d.Reference, running, running && d.IsOverdueAt(now), d.Provisional);
            })
            .ToArray();
        var history = audit.OrderBy(a => a.Sequence)
            .Select(a => new CaseStatusEvent(a.Sequence, a.At, a.Kind, a.Actor, a.Step, a.Summary, a.Due))
            .ToArray();
        return new CaseStatusView(record.CaseId, record.Program.ToCode(), record.Jurisdiction, record.Step.ToString(), deadlines, history,
            record.Transfers, record.Verifications, record.Links, record.Decision, record.CreatedAt, record.UpdatedAt,
            record.Overridden, record.Investigators);
    }
}

/// <summary>A deadline as shown: the limit, the date, and whether it still runs or has passed.</summary>
/// <param name="Kind">The limit.</param>
/// <param name="DueDate">Last day (China date).</param>
/// <param name="ExpiresAt">Instant it passes.</param>
/// <param name="Basis">The rule.</param>
/// <param name="Reference">Which transfer or agency, if several.</param>
/// <param name="Running">Not yet met or closed.</param>
/// <param name="Overdue">Running and past <see cref="ExpiresAt"/>.</param>
/// <param name="Provisional">Counted on a provisional calendar year; recomputed when the official schedule is loaded.</param>
public sealed record CaseStatusDeadline(CaseDeadlineKind Kind, DateOnly DueDate, DateTimeOffset ExpiresAt, string Basis, string? Reference, bool Running, bool Overdue, bool Provisional = false);

/// <summary>One step so far: what, who and when (from the audit trail).</summary>
/// <param name="Sequence">Position in the trail.</param>
/// <param name="At">When.</param>
/// <param name="Kind">What kind of record.</param>
/// <param name="Actor">Who (operator id or <c>system</c>).</param>
/// <param name="Step">The step it concerns.</param>
/// <param name="Summary">What happened.</param>
/// <param name="Due">For deadlines and escalations: the due instant.</param>
public sealed record CaseStatusEvent(int Sequence, DateTimeOffset At, AuditEntryKind Kind, string Actor, string Step, string Summary, DateTimeOffset? Due);
