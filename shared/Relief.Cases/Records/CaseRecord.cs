using Relief.Cases.Deadlines;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Transfers;
using Relief.Cases.Verification;

namespace Relief.Cases.Records;

/// <summary>
/// The state of one case (案件) as stored and listed: program, jurisdiction, step, deadlines, decision,
/// transfers. Holds no personal data (the application itself is stored apart). Updated with optimistic
/// concurrency: <see cref="Version"/> is the store's ETag of the record read.
/// </summary>
public sealed record CaseRecord
{
    /// <summary>The case id (= the application id and the orchestration instance id).</summary>
    public required string CaseId { get; init; }

    /// <summary>The program.</summary>
    public required AssistanceProgram Program { get; init; }

    /// <summary>Jurisdiction code, e.g. <c>qingdao/shinan</c>.</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>Current step.</summary>
    public required CaseStep Step { get; init; }

    /// <summary>Deadlines set so far (the latest per kind and reference is the one that runs).</summary>
    public IReadOnlyList<CaseDeadline> Deadlines { get; init; } = [];

    /// <summary>Kinds of deadline already met or no longer running (not escalated again); transfers close through their state.</summary>
    public IReadOnlyList<CaseDeadlineKind> ClosedDeadlines { get; init; } = [];

    /// <summary>The decision, once assessed.</summary>
    public CaseDecisionRecord? Decision { get; init; }

    /// <summary>Transfers to departments.</summary>
    public IReadOnlyList<TransferRecord> Transfers { get; init; } = [];

    /// <summary>Economic-verification requests to agencies (经济状况核对), one per agency.</summary>
    public IReadOnlyList<VerificationRecord> Verifications { get; init; } = [];

    /// <summary>Links to other cases: the emergency case a referral came from, or the cases it was referred to (转诊).</summary>
    public IReadOnlyList<CaseLink> Links { get; init; } = [];

    /// <summary>
    /// The applicant's id at the identity provider when he applied himself through a portal (he sees this case and
    /// acts on it as its applicant); null for an application taken in at the window. An id, never a name.
    /// </summary>
    public string? ApplicantSubject { get; init; }

    /// <summary>Operator ids of the investigators of the home visit (入户调查): none of them may approve the case (separation of duties).</summary>
    public IReadOnlyList<string> Investigators { get; init; } = [];

    /// <summary>Approved although the policy engine found it ineligible (越权批准), with the approver's written reason in the audit trail.</summary>
    public bool Overridden { get; init; }

    /// <summary>The step-changing action accepted last and perhaps not yet applied (see <see cref="CaseActionClaim"/>).</summary>
    public CaseActionClaim? PendingAction { get; init; }

    /// <summary>When the case was created (application received).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The store's concurrency token of the record as read; null for a record not yet stored.</summary>
    public string? Version { get; init; }

    /// <summary>
    /// The earliest deadline still running: not closed and, for transfers, not answered; null for an ended case.
    /// The work list's overdue filter compares it with the current time.
    /// </summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            if (CaseTransitions.IsTerminal(Step))
            {
                return null;
            }

            var open = Deadlines
                .Where(d => d.Kind != CaseDeadlineKind.TransferReply && !ClosedDeadlines.Contains(d.Kind))
                .Select(d => d.ExpiresAt)
                .Concat(Transfers.Where(t => !TransferTransitions.IsClosed(t.State)).Select(t => t.DueAt))
                .ToArray();
            return open.Length == 0 ? null : open.Min();
        }
    }

    /// <summary>The amount decided, if any.</summary>
    public decimal? Amount => Decision?.Amount;

    /// <summary>
    /// Sets (or replaces) a deadline of a kind and reference, and reopens it. Setting
    /// <see cref="CaseDeadlineKind.OverallExtended"/> closes <see cref="CaseDeadlineKind.Overall"/>: the extension
    /// replaces the normal limit.
    /// </summary>
    public CaseRecord WithDeadline(CaseDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        CaseRecord updated = this with
        {
            Deadlines = [.. Deadlines.Where(d => !(d.Kind == deadline.Kind && d.Reference == deadline.Reference)), deadline],
            ClosedDeadlines = deadline.Kind == CaseDeadlineKind.TransferReply ? ClosedDeadlines : [.. ClosedDeadlines.Where(k => k != deadline.Kind)],
        };
        return deadline.Kind == CaseDeadlineKind.OverallExtended ? updated.CloseDeadline(CaseDeadlineKind.Overall) : updated;
    }

    /// <summary>Adds a transfer (转办); its id must be new within the case.</summary>
    /// <exception cref="ArgumentException">A transfer with that id exists.</exception>
    public CaseRecord WithTransfer(TransferRecord transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        if (Transfers.Any(t => t.TransferId == transfer.TransferId))
        {
            throw new ArgumentException($"Transfer '{transfer.TransferId}' already exists in case {CaseId}.", nameof(transfer));
        }

        return this with { Transfers = [.. Transfers, transfer] };
    }

    /// <summary>
    /// Applies a reply or a passed deadline to transfer <paramref name="transferId"/> through
    /// <see cref="TransferTransitions"/>; null when the transfer is unknown or the trigger is not valid in its
    /// state (e.g. a second reply) — the caller reports a conflict.
    /// </summary>
    public CaseRecord? ApplyTransfer(string transferId, TransferTrigger trigger, DateTimeOffset at)
    {
        TransferRecord? transfer = Transfers.FirstOrDefault(t => t.TransferId == transferId);
        if (transfer is null || TransferTransitions.Apply(transfer.State, trigger) is not { } next)
        {
            return null;
        }

        TransferRecord updated = transfer with { State = next, AnsweredAt = trigger == TransferTrigger.Reply ? at : transfer.AnsweredAt };
        return this with { Transfers = Transfers.Select(t => t.TransferId == transferId ? updated : t).ToArray() };
    }

    /// <summary>Adds verification requests for agencies not yet asked (a retried request changes nothing).</summary>
    public CaseRecord WithVerifications(IEnumerable<VerificationRecord> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var added = requests.Where(r => Verifications.All(v => v.Agency != r.Agency)).ToArray();
        return added.Length == 0 ? this : this with { Verifications = [.. Verifications, .. added] };
    }

    /// <summary>
    /// Applies an answer or a passed limit to <paramref name="agency"/>'s request through
    /// <see cref="VerificationTransitions"/>; null when there is no such request or the trigger is not valid in its
    /// state (e.g. a repeated answer) — the caller treats that as already done.
    /// </summary>
    public CaseRecord? ApplyVerification(VerificationAgency agency, VerificationTrigger trigger, DateTimeOffset at, string? summary = null, bool discrepancy = false)
    {
        VerificationRecord? request = Verifications.FirstOrDefault(v => v.Agency == agency);
        if (request is null || VerificationTransitions.Apply(request.State, trigger) is not { } next)
        {
            return null;
        }

        VerificationRecord updated = trigger == VerificationTrigger.Answer
            ? request with { State = next, AnsweredAt = at, Summary = summary, Discrepancy = discrepancy }
            : request with { State = next };
        return this with { Verifications = Verifications.Select(v => v.Agency == agency ? updated : v).ToArray() };
    }

    /// <summary>
    /// A second, different answer from an agency that already answered: a correction (更正). The answer in force becomes
    /// the new one; the earlier one is kept in <see cref="VerificationRecord.Corrections"/>. Null when the agency has not
    /// answered yet or the answer is the same (a redelivery).
    /// </summary>
    public CaseRecord? CorrectVerification(VerificationAgency agency, DateTimeOffset at, string summary, bool discrepancy)
    {
        VerificationRecord? request = Verifications.FirstOrDefault(v => v.Agency == agency);
        if (request is not { State: VerificationState.Answered or VerificationState.AnsweredLate } || (request.Summary == summary && request.Discrepancy == discrepancy))
        {
            return null;
        }

        var corrected = request with
        {
            AnsweredAt = at,
            Summary = summary,
            Discrepancy = discrepancy,
            Corrections = [.. request.Corrections ?? [], new VerificationCorrection(request.AnsweredAt, request.Summary, request.Discrepancy, at)],
        };
        return this with { Verifications = Verifications.Select(v => v.Agency == agency ? corrected : v).ToArray() };
    }

    /// <summary>Adds a link to another case (once).</summary>
    public CaseRecord WithLink(CaseLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Links.Contains(link) ? this : this with { Links = [.. Links, link] };
    }

    /// <summary>Marks deadlines of a kind as met or no longer running.</summary>
    public CaseRecord CloseDeadline(CaseDeadlineKind kind) =>
        ClosedDeadlines.Contains(kind) ? this : this with { ClosedDeadlines = [.. ClosedDeadlines, kind] };
}
