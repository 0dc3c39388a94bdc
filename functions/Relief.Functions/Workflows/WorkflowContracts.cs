using Relief.Cases.Audit;
using Relief.Cases.Deadlines;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Transfers;
using Relief.Cases.Verification;

namespace Relief.Functions.Workflows;

/// <summary>The input of a case orchestration (案件流程); the instance id is the case id.</summary>
/// <param name="CaseId">The case (= application id).</param>
/// <param name="Program">The program applied for.</param>
/// <param name="Jurisdiction">Jurisdiction code, e.g. <c>qingdao/shinan</c>.</param>
/// <param name="AppliedAt">When the application arrived (the 24-hour advance-relief limit runs from here).</param>
public sealed record CaseWorkflowInput(string CaseId, AssistanceProgram Program, string Jurisdiction, DateTimeOffset AppliedAt);

/// <summary>How a case orchestration ended.</summary>
/// <param name="Step">The terminal step.</param>
/// <param name="Amount">The amount decided (yuan), zero when refused.</param>
public sealed record CaseOutcome(CaseStep Step, decimal Amount);

/// <summary>
/// A person's action on a case, raised by an HTTP function into the case orchestration as the
/// <see cref="CaseOrchestrator.ActionEvent"/> event. The orchestration re-checks it against its own step.
/// </summary>
/// <param name="Trigger">What the person did.</param>
/// <param name="ExpectedStep">The step the HTTP function checked it against; an action for another step is ignored.</param>
/// <param name="Actor">Operator id and role, e.g. <c>caseworker:0042</c> (never a name).</param>
/// <param name="Note">Findings or remarks, free of personal data.</param>
/// <param name="Reasons">Reasons (refusal) or missing materials (return).</param>
/// <param name="Investigators">Investigation: the operator ids of every investigator of the home visit (the actor among them).</param>
/// <param name="Override">Approval against the assessment (越权批准), the written reason in <paramref name="Note"/>.</param>
public sealed record CaseActionEvent(CaseTrigger Trigger, CaseStep ExpectedStep, string Actor, string? Note = null, IReadOnlyList<string>? Reasons = null,
    IReadOnlyList<string>? Investigators = null, bool Override = false);

/// <summary>An official working-day schedule was loaded at run time (payload of <see cref="CaseOrchestrator.CalendarEvent"/>):
/// deadlines counted provisionally over that year are recomputed.</summary>
/// <param name="Year">The year loaded.</param>
/// <param name="Source">The schedule's source (the State Council notice).</param>
public sealed record CalendarLoadedEvent(int Year, string Source);

/// <summary>One audit record an activity writes.</summary>
/// <param name="Kind">What it records.</param>
/// <param name="Actor">Who.</param>
/// <param name="Summary">What happened, free of personal data.</param>
/// <param name="Due">For deadlines and escalations: the due instant.</param>
public sealed record AuditNote(AuditEntryKind Kind, string Actor, string Summary, DateTimeOffset? Due = null);

/// <summary>A change to a case record and its audit trail, applied by <see cref="Activities.ApplyCaseChange"/>.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="OperationId">Deterministic id of the change (instance id and sequence); audit entries are appended once per id.</param>
/// <param name="At">When (the orchestration's clock).</param>
/// <param name="Step">The new step, if it changes.</param>
/// <param name="SetDeadlines">Deadlines set or replaced.</param>
/// <param name="CloseDeadlines">Deadlines met or no longer running.</param>
/// <param name="Audit">Audit records, in order.</param>
/// <param name="Investigators">Investigators of the home visit to add to the record (separation of duties).</param>
/// <param name="Overridden">The case was approved against its assessment (越权批准).</param>
/// <param name="Received">This change records the application's arrival (counted once in the statistics).</param>
/// <param name="AcceptedAt">For a decision (approval or refusal): when the case was accepted, for the working days to decision.</param>
public sealed record CaseChange(
    string CaseId,
    string OperationId,
    DateTimeOffset At,
    CaseStep? Step = null,
    IReadOnlyList<CaseDeadline>? SetDeadlines = null,
    IReadOnlyList<CaseDeadlineKind>? CloseDeadlines = null,
    IReadOnlyList<AuditNote>? Audit = null,
    IReadOnlyList<string>? Investigators = null,
    bool Overridden = false,
    bool Received = false,
    DateTimeOffset? AcceptedAt = null);

/// <summary>Which deadlines to plan.</summary>
public enum DeadlinePlan
{
    /// <summary>Those starting at acceptance (受理): investigation start, overall, tekun opinion, emergency advance relief.</summary>
    Acceptance,

    /// <summary>End of a public notice (公示) starting at <see cref="DeadlinePlanRequest.From"/>.</summary>
    PublicNotice,

    /// <summary>The county decision from the receipt of the file.</summary>
    CountyDecision,

    /// <summary>The extended overall limit (特殊情况延长, 45 working days from acceptance); needs <see cref="DeadlinePlanRequest.Reason"/>.</summary>
    Extension,

    /// <summary>The economic-verification answer limit from the requests sent at <see cref="DeadlinePlanRequest.From"/>
    /// (planned first by <c>RequestEconomicVerification</c>; again this way when a calendar year is loaded).</summary>
    VerificationAnswers,
}

/// <summary>Input of <see cref="Activities.PlanDeadlines"/>.</summary>
/// <param name="Plan">Which deadlines.</param>
/// <param name="Program">The program.</param>
/// <param name="Jurisdiction">Jurisdiction code (its policy gives the limits).</param>
/// <param name="From">The starting instant (acceptance, notice start, file receipt).</param>
/// <param name="AppliedAt">The application instant (advance relief).</param>
/// <param name="Reason">The written reason of an <see cref="DeadlinePlan.Extension"/>.</param>
public sealed record DeadlinePlanRequest(DeadlinePlan Plan, AssistanceProgram Program, string Jurisdiction, DateTimeOffset From, DateTimeOffset AppliedAt, string? Reason = null);

/// <summary>Input of <see cref="Activities.AssessCase"/>.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="OperationId">Deterministic operation id.</param>
/// <param name="At">The assessment instant (its China date picks the policy).</param>
/// <param name="Step">The step the case is in (for the audit record).</param>
public sealed record AssessCaseRequest(string CaseId, string OperationId, DateTimeOffset At, CaseStep Step);

/// <summary>What the orchestration needs from an assessment (审核评估); the full decision is on the case record.</summary>
/// <param name="Eligible">Eligible.</param>
/// <param name="Amount">Yuan (monthly for dibao and tekun, one-off for temporary).</param>
/// <param name="Reasons">Why not eligible.</param>
public sealed record AssessmentSummary(bool Eligible, decimal Amount, IReadOnlyList<string> Reasons);

/// <summary>Which payment instructions to write.</summary>
public enum PaymentKind
{
    /// <summary>The approval's instructions: the first month after approval, or the instalments (支出型).</summary>
    Approval,

    /// <summary>Emergency advance relief from the township reserve fund (先行救助).</summary>
    Advance,

    /// <summary>Emergency: the final amount less the advance.</summary>
    EmergencyBalance,
}

/// <summary>Input of <see cref="Activities.WritePayments"/>.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="OperationId">Deterministic operation id.</param>
/// <param name="Kind">Which instructions.</param>
/// <param name="At">The decision instant (approval month).</param>
/// <param name="Step">The step (for the audit record).</param>
/// <param name="AdvancePaid">Emergency balance: the advance already instructed.</param>
public sealed record PaymentRequest(string CaseId, string OperationId, PaymentKind Kind, DateTimeOffset At, CaseStep Step, decimal AdvancePaid = 0m);

/// <summary>Instructions written.</summary>
/// <param name="Count">How many.</param>
/// <param name="Total">Their total, yuan.</param>
/// <param name="Periods">Their periods.</param>
public sealed record PaymentSummary(int Count, decimal Total, IReadOnlyList<string> Periods);

/// <summary>Input of <see cref="Activities.EscalateDeadline"/>: a deadline passed (督办).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="OperationId">Deterministic operation id.</param>
/// <param name="Deadline">The deadline that passed.</param>
/// <param name="DetectedAt">When the workflow noticed.</param>
public sealed record EscalationRequest(string CaseId, string OperationId, CaseDeadline Deadline, DateTimeOffset DetectedAt);

/// <summary>The input of a transfer orchestration (转办); instance id <c>{caseId}-transfer-{transferId}</c>.</summary>
/// <param name="CaseId">The case; its accepting office stays responsible (首问负责).</param>
/// <param name="TransferId">Unique within the case.</param>
/// <param name="Department">The department.</param>
/// <param name="Subject">What is transferred, free of personal data.</param>
/// <param name="WorkingDays">The reply limit in working days.</param>
/// <param name="Actor">Who transferred it.</param>
public sealed record TransferInput(string CaseId, string TransferId, Department Department, string Subject, int WorkingDays, string Actor);

/// <summary>A department's reply to a transfer, raised as <see cref="TransferOrchestrator.ReplyEvent"/>.</summary>
/// <param name="Actor">The department operator.</param>
/// <param name="Note">The reply, free of personal data.</param>
public sealed record DepartmentReplyEvent(string Actor, string? Note);

/// <summary>Input of <see cref="Activities.OpenTransfer"/>.</summary>
/// <param name="Transfer">The transfer.</param>
/// <param name="OperationId">Deterministic operation id.</param>
/// <param name="OpenedAt">When it was sent.</param>
public sealed record OpenTransferRequest(TransferInput Transfer, string OperationId, DateTimeOffset OpenedAt);

/// <summary>Input of <see cref="Activities.UpdateTransfer"/>: a reply or a passed deadline.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="TransferId">The transfer.</param>
/// <param name="Trigger">Reply or deadline passed.</param>
/// <param name="OperationId">Deterministic operation id.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who (the department for a reply, <c>system</c> for the deadline).</param>
/// <param name="Note">The reply.</param>
/// <param name="Deadline">The reply deadline.</param>
public sealed record TransferUpdate(string CaseId, string TransferId, TransferTrigger Trigger, string OperationId, DateTimeOffset At, string Actor, string? Note, CaseDeadline Deadline);

/// <summary>How a transfer ended.</summary>
/// <param name="State">Answered or answered late.</param>
public sealed record TransferOutcome(TransferState State);

/// <summary>Input of <see cref="Activities.RequestEconomicVerification"/>.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="OperationId">Deterministic operation id.</param>
/// <param name="RequestedAt">When (the orchestration's clock).</param>
/// <param name="Step">The step (for the audit record).</param>
public sealed record VerificationRequestInput(string CaseId, string OperationId, DateTimeOffset RequestedAt, CaseStep Step);

/// <summary>What <see cref="Activities.RequestEconomicVerification"/> sent: the agencies asked and the two limits.</summary>
/// <param name="Agencies">The agencies asked (one request each).</param>
/// <param name="Start">The checking centre's start limit (核对启动, 3 working days); met by sending at once.</param>
/// <param name="Answers">The answer limit (核对反馈, 5 working days); a missing answer at it is escalated.</param>
public sealed record VerificationPlan(IReadOnlyList<VerificationAgency> Agencies, CaseDeadline Start, CaseDeadline Answers);

/// <summary>
/// An agency's answer arrived (raised by the answer queue function as <see cref="CaseOrchestrator.AnswerEvent"/>,
/// after the answer itself is stored on the case record).
/// </summary>
/// <param name="Agency">The agency that answered.</param>
/// <param name="Discrepancy">True when its data contradicts the declaration.</param>
public sealed record VerificationAnswerEvent(VerificationAgency Agency, bool Discrepancy);
