using Microsoft.DurableTask;
using System.Globalization;
using Relief.Cases.Audit;
using Relief.Cases.Deadlines;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Verification;
using Relief.Functions.Workflows.Activities;

// DURABLE0011 (while(true) without ContinueAsNew): each loop here ends on a person's action or a deadline; a case's
// history is bounded by its actions (tens of events over at most 45 working days), and ContinueAsNew would drop the
// timers and buffered events the run state holds.
#pragma warning disable DURABLE0011

namespace Relief.Functions.Workflows;

/// <summary>
/// The state of one run of <see cref="CaseOrchestrator"/>: the step, the deadlines being watched (each a durable timer
/// raced against the step's action) and the operation sequence that makes every activity's operation id deterministic
/// (<c>{instanceId}:{n}</c>). Orchestrator code only: awaits context tasks, reads time from the context.
/// </summary>
internal sealed class CaseRun(TaskOrchestrationContext context, CaseWorkflowInput input) : IDisposable
{
    private static readonly TaskOptions Retry = WorkflowRetry.Activities;

    private readonly List<WatchedDeadline> _watched = [];
    private readonly HashSet<VerificationAgency> _awaitingAnswers = [];
    private Task<CaseActionEvent>? _pendingAction;
    private Task<VerificationAnswerEvent>? _pendingAnswer;
    private Task<CalendarLoadedEvent>? _pendingCalendar;
    private readonly Dictionary<CaseDeadlineKind, DeadlinePlanRequest> _plans = [];
    private DateTimeOffset _acceptedAt;
    private bool _extended;
    private int _operation;
    private decimal _advancePaid;
    private decimal _amount;

    public CaseStep Step { get; private set; } = CaseStep.Submitted;

    private DateTimeOffset Now => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    /// <summary>Records the application's arrival.</summary>
    public Task ReceivedAsync() =>
        context.CallActivityAsync<bool>(ApplyCaseChange.Name, new CaseChange(input.CaseId, NextOperation(), Now,
            Audit: [new AuditNote(AuditEntryKind.Action, "applicant", $"Application received (申请): {input.Program.ToCode()} in {input.Jurisdiction}.")], Received: true), Retry);

    /// <summary>
    /// Emergency track: assesses at once and, when eligible, grants advance relief (先行救助) with its payment instruction
    /// from the township reserve fund; false when not eligible (the case then takes the standard track).
    /// </summary>
    public async Task<bool> TryAdvanceReliefAsync()
    {
        var assessment = await AssessAsync();
        if (!assessment.Eligible)
        {
            await ChangeAsync(audit: [new AuditNote(AuditEntryKind.Action, "system", "No advance relief: " + string.Join("; ", assessment.Reasons) + ". The case awaits acceptance on the standard procedure.")]);
            return false;
        }

        // Pay first: the advance never waits on anything else, not even on the deadline planning below.
        _acceptedAt = input.AppliedAt;
        var payment = await context.CallActivityAsync<PaymentSummary>(WritePayments.Name,
            new PaymentRequest(input.CaseId, NextOperation(), PaymentKind.Advance, Now, Step), Retry);
        _advancePaid = payment.Total;
        var deadlines = await PlanAsync(DeadlinePlan.Acceptance, input.AppliedAt);
        await MoveAsync(CaseTrigger.GrantAdvanceRelief, "system",
            Money($"Advance relief granted (先行救助): {payment.Total} yuan from the township reserve fund (乡镇备用金); paperwork and post-hoc notice follow."),
            set: deadlines, close: [CaseDeadlineKind.AdvanceRelief]);
        WatchAll(deadlines.Where(d => d.Kind != CaseDeadlineKind.AdvanceRelief));
        return true;
    }

    /// <summary>Emergency track: the paperwork (补齐手续) is recorded as the investigation; then the post-hoc notice.</summary>
    public async Task PaperworkAsync()
    {
        var action = await WaitForActionAsync(null, null, CaseTrigger.RecordInvestigation);
        Unwatch(CaseDeadlineKind.InvestigationStart);
        await MoveAsync(action!.Trigger, action.Actor, "Paperwork and investigation recorded (补齐手续): " + action.Note, close: [CaseDeadlineKind.InvestigationStart]);
    }

    /// <summary>Acceptance (受理): a return lists every missing material at once (一次性告知); the applicant resubmits.</summary>
    public async Task AcceptanceAsync()
    {
        while (true)
        {
            var action = (await WaitForActionAsync(null, null, CaseTrigger.Accept, CaseTrigger.ReturnForMaterials, CaseTrigger.ResubmitMaterials))!;
            switch (action.Trigger)
            {
                case CaseTrigger.Accept:
                    _acceptedAt = Now;
                    var deadlines = (await PlanAsync(DeadlinePlan.Acceptance, Now)).Where(d => d.Kind != CaseDeadlineKind.AdvanceRelief).ToArray();
                    await MoveAsync(CaseTrigger.Accept, action.Actor, "Accepted (受理)." + NoteOf(action), set: deadlines);
                    WatchAll(deadlines);
                    if (input.Program.RequiresEconomicVerification())
                    {
                        await RequestVerificationAsync();
                    }

                    return;
                case CaseTrigger.ReturnForMaterials:
                    await MoveAsync(action.Trigger, action.Actor, "Returned; every missing material (一次性告知): " + string.Join("; ", action.Reasons ?? []));
                    break;
                default:
                    await MoveAsync(action.Trigger, action.Actor, "Materials resubmitted (补正)." + NoteOf(action));
                    break;
            }
        }
    }

    /// <summary>
    /// Investigation (入户调查) and economic verification (经济状况核对): the findings, raced against the start limit (and
    /// the overall limit); then every agency's answer, or the answer limit's escalation — the assessment does not start
    /// before each agency has answered or been escalated as silent.
    /// </summary>
    public async Task InvestigationAsync()
    {
        var action = (await WaitForActionAsync(null, null, CaseTrigger.RecordInvestigation))!;
        Unwatch(CaseDeadlineKind.InvestigationStart);
        Unwatch(CaseDeadlineKind.InvestigationOpinion);
        if (!VerificationSettled)
        {
            await ChangeAsync(audit: [new AuditNote(AuditEntryKind.Action, action.Actor, "Investigation findings received; waiting for the economic-verification answers of: "
                + string.Join(", ", _awaitingAnswers.Order().Select(a => a.ToCode())) + ".")]);
            await WaitForActionAsync(null, () => VerificationSettled);
        }

        await MoveAsync(action.Trigger, action.Actor, "Investigation findings recorded (入户调查)" + InvestigatorsOf(action) + "." + NoteOf(action),
            close: [CaseDeadlineKind.InvestigationStart, CaseDeadlineKind.InvestigationOpinion], investigators: action.Investigators);
    }

    /// <summary>Assessment (审核评估); true when approval is proposed (public notice follows), false for a proposed refusal.</summary>
    public async Task<bool> AssessAndProposeAsync()
    {
        var assessment = await AssessAsync();
        if (assessment.Eligible)
        {
            await MoveAsync(CaseTrigger.ProposeApproval, "system", Money($"Approval proposed: {assessment.Amount} yuan; on public notice (公示)."));
            return true;
        }

        await MoveAsync(CaseTrigger.ProposeRefusal, "system", "Refusal proposed: " + string.Join("; ", assessment.Reasons));
        return false;
    }

    /// <summary>Public notice (公示, or 事后公示): 7 days; an objection → re-investigation or community review → a new notice.</summary>
    public async Task NoticeAsync()
    {
        while (true)
        {
            var notice = (await PlanAsync(DeadlinePlan.PublicNotice, Now)).Single();
            await ChangeAsync(set: [notice], audit: [Deadline(notice)]);
            using var cts = new CancellationTokenSource();
            Task end = context.CreateTimer(notice.ExpiresAt.UtcDateTime, cts.Token);
            var objection = await WaitForActionAsync(end, null, CaseTrigger.FileObjection);
            if (objection is null)
            {
                await MoveAsync(CaseTrigger.NoticePeriodEnded, "system", "Public notice ended without objection.", close: [CaseDeadlineKind.PublicNoticeEnd]);
                return;
            }

            cts.Cancel();
            await MoveAsync(objection.Trigger, objection.Actor, "Objection filed during the notice (公示异议)." + NoteOf(objection), close: [CaseDeadlineKind.PublicNoticeEnd]);
            var review = (await WaitForActionAsync(null, null, CaseTrigger.RecordInvestigation, CaseTrigger.RecordCommunityReview))!;
            string what = review.Trigger == CaseTrigger.RecordCommunityReview ? "Community review recorded (民主评议)." : "Re-investigation recorded (重新调查).";
            await MoveAsync(review.Trigger, review.Actor, what + InvestigatorsOf(review) + NoteOf(review) + " A new notice starts.", investigators: review.Investigators);
        }
    }

    /// <summary>The decision (审批), raced against the county and overall limits; approval writes the payment instructions.</summary>
    public async Task<CaseOutcome> DecisionAsync()
    {
        var county = (await PlanAsync(DeadlinePlan.CountyDecision, Now)).Single();
        await ChangeAsync(set: [county], audit: [Deadline(county)]);
        Watch(county);
        var action = (await WaitForActionAsync(null, null, CaseTrigger.Approve, CaseTrigger.Reject))!;
        CaseDeadlineKind[] closed = [CaseDeadlineKind.CountyDecision, CaseDeadlineKind.Overall, CaseDeadlineKind.OverallExtended];
        if (action.Trigger == CaseTrigger.Reject)
        {
            await MoveAsync(action.Trigger, action.Actor, "Refused (不予批准), written reasons: " + string.Join("; ", action.Reasons ?? []), close: closed, kind: AuditEntryKind.Decision);
            return new CaseOutcome(Step, 0m);
        }

        string approved = action.Override ? "Approved against the assessment (越权批准), written reason:" + NoteOf(action) : "Approved (批准)." + NoteOf(action);
        await MoveAsync(action.Trigger, action.Actor, approved, close: closed, kind: AuditEntryKind.Decision, overridden: action.Override);
        var kind = input.Program == AssistanceProgram.TemporaryEmergency && _advancePaid > 0m ? PaymentKind.EmergencyBalance : PaymentKind.Approval;
        await context.CallActivityAsync<PaymentSummary>(WritePayments.Name, new PaymentRequest(input.CaseId, NextOperation(), kind, Now, Step, _advancePaid), Retry);
        return new CaseOutcome(Step, _amount);
    }

    public void Dispose()
    {
        foreach (var watched in _watched)
        {
            watched.Cancellation.Cancel();
            watched.Cancellation.Dispose();
        }

        _watched.Clear();
    }

    /// <summary>True once every agency has answered, or the answer limit has passed and been escalated.</summary>
    private bool VerificationSettled =>
        _awaitingAnswers.Count == 0 || _watched.All(w => w.Deadline.Kind != CaseDeadlineKind.EconomicVerificationAnswers || w.Escalated);

    /// <summary>
    /// Waits for an action valid in the current step among <paramref name="accepted"/>. Meanwhile: watched deadlines
    /// that pass are escalated (督办) and the wait goes on; economic-verification answers are taken in; an extension of
    /// the overall limit is applied; a withdrawal ends the case (<see cref="CaseWithdrawnException"/>). Actions checked
    /// against another step, or not valid now, are recorded as ignored. Returns null when <paramref name="stepTimer"/>
    /// completes first or <paramref name="until"/> holds.
    /// </summary>
    private async Task<CaseActionEvent?> WaitForActionAsync(Task? stepTimer, Func<bool>? until, params CaseTrigger[] accepted)
    {
        while (until?.Invoke() != true)
        {
            _pendingAction ??= context.WaitForExternalEvent<CaseActionEvent>(CaseOrchestrator.ActionEvent);
            var open = _watched.Where(w => !w.Escalated).ToArray();
            var tasks = new List<Task> { _pendingAction };
            if (_awaitingAnswers.Count > 0)
            {
                _pendingAnswer ??= context.WaitForExternalEvent<VerificationAnswerEvent>(CaseOrchestrator.AnswerEvent);
                tasks.Add(_pendingAnswer);
            }

            if (open.Any(w => w.Deadline.Provisional))
            {
                _pendingCalendar ??= context.WaitForExternalEvent<CalendarLoadedEvent>(CaseOrchestrator.CalendarEvent);
                tasks.Add(_pendingCalendar);
            }

            if (stepTimer is not null)
            {
                tasks.Add(stepTimer);
            }

            tasks.AddRange(open.Select(w => w.Timer));
            Task winner = await Task.WhenAny(tasks);
            if (winner == _pendingAction)
            {
                var action = _pendingAction.Result;
                _pendingAction = null;
                var check = CaseTransitions.Apply(Step, action.Trigger);
                bool valid = action.ExpectedStep == Step && check.IsValid;
                if (valid && action.Trigger == CaseTrigger.Withdraw)
                {
                    await MoveAsync(action.Trigger, action.Actor, "Withdrawn by the applicant (撤回申请)." + NoteOf(action));
                    throw new CaseWithdrawnException();
                }

                if (valid && action.Trigger == CaseTrigger.ExtendTimeLimit && !_extended)
                {
                    await ExtendAsync(action);
                    continue;
                }

                if (valid && accepted.Contains(action.Trigger))
                {
                    return action;
                }

                string why = action.Trigger == CaseTrigger.ExtendTimeLimit && _extended ? "the overall limit has already been extended once."
                    : check.Error ?? $"it was checked against step '{action.ExpectedStep}', the case is in '{Step}'.";
                await ChangeAsync(audit: [new AuditNote(AuditEntryKind.Action, action.Actor, $"Action '{action.Trigger}' ignored: {why}")]);
                continue;
            }

            if (winner == _pendingAnswer)
            {
                var answer = _pendingAnswer.Result;
                _pendingAnswer = null;
                if (_awaitingAnswers.Remove(answer.Agency) && _awaitingAnswers.Count == 0)
                {
                    Unwatch(CaseDeadlineKind.EconomicVerificationAnswers);
                    await ChangeAsync(close: [CaseDeadlineKind.EconomicVerificationAnswers],
                        audit: [new AuditNote(AuditEntryKind.Action, "system", "Every agency has answered the economic verification (核对完成).")]);
                }

                continue;
            }

            if (winner == _pendingCalendar)
            {
                var loaded = _pendingCalendar.Result;
                _pendingCalendar = null;
                await ReplanProvisionalAsync(loaded);
                continue;
            }

            if (winner == stepTimer)
            {
                return null;
            }

            var due = open.First(w => w.Timer == winner);
            due.Escalated = true;
            await context.CallActivityAsync<bool>(EscalateDeadline.Name, new EscalationRequest(input.CaseId, NextOperation(), due.Deadline, Now), Retry);
        }

        return null;
    }

    /// <summary>Sends the economic-verification requests; the start limit is met at once, the answer limit is watched.</summary>
    private async Task RequestVerificationAsync()
    {
        DateTimeOffset requestedAt = Now;
        var plan = await WithCalendarAsync<VerificationPlan>(RequestEconomicVerification.Name,
            new VerificationRequestInput(input.CaseId, NextOperation(), requestedAt, Step));
        _plans[CaseDeadlineKind.EconomicVerificationAnswers] = new DeadlinePlanRequest(DeadlinePlan.VerificationAnswers, input.Program, input.Jurisdiction, requestedAt, input.AppliedAt);
        foreach (var agency in plan.Agencies)
        {
            _awaitingAnswers.Add(agency);
        }

        await ChangeAsync(set: [plan.Start, plan.Answers], close: [CaseDeadlineKind.EconomicVerificationStart],
            audit: [Deadline(plan.Start), new AuditNote(AuditEntryKind.Action, "system", "Verification start limit met: the requests went out at acceptance (核对启动)."), Deadline(plan.Answers)]);
        Watch(plan.Answers);
    }

    /// <summary>Extends the overall limit to 45 working days from acceptance, with the written reason (特殊情况延长).</summary>
    private async Task ExtendAsync(CaseActionEvent action)
    {
        string reason = string.Join("; ", action.Reasons ?? []);
        var extended = (await PlanAsync(DeadlinePlan.Extension, _acceptedAt, reason)).Single();
        _extended = true;
        await ChangeAsync(set: [extended], close: [CaseDeadlineKind.Overall],
            audit: [new AuditNote(AuditEntryKind.Action, action.Actor, "Overall time limit extended (特殊情况延长), reason: " + reason + NoteOf(action)), Deadline(extended)]);
        Unwatch(CaseDeadlineKind.Overall);
        Watch(extended);
    }

    private async Task<AssessmentSummary> AssessAsync()
    {
        var summary = await context.CallActivityAsync<AssessmentSummary>(AssessCase.Name, new AssessCaseRequest(input.CaseId, NextOperation(), Now, Step), Retry);
        _amount = summary.Eligible ? summary.Amount : 0m;
        return summary;
    }

    private Task<CaseDeadline[]> PlanAsync(DeadlinePlan plan, DateTimeOffset from, string? reason = null) =>
        PlanAsync(new DeadlinePlanRequest(plan, input.Program, input.Jurisdiction, from, input.AppliedAt, reason));

    private async Task<CaseDeadline[]> PlanAsync(DeadlinePlanRequest request)
    {
        var deadlines = await WithCalendarAsync<CaseDeadline[]>(PlanDeadlines.Name, request);
        foreach (var deadline in deadlines)
        {
            _plans[deadline.Kind] = request; // what to recompute it from when an official calendar year arrives
        }

        return deadlines;
    }

    /// <summary>
    /// An official calendar year was loaded: every watched deadline counted provisionally is planned again from the
    /// same start; one that moves gets a new timer in place of the old, and the move is recorded in the audit trail.
    /// </summary>
    private async Task ReplanProvisionalAsync(CalendarLoadedEvent loaded)
    {
        var provisional = _watched.Where(w => !w.Escalated && w.Deadline.Provisional && _plans.ContainsKey(w.Deadline.Kind)).ToArray();
        foreach (var group in provisional.GroupBy(w => _plans[w.Deadline.Kind]))
        {
            var fresh = await PlanAsync(group.Key);
            foreach (var watched in group)
            {
                var now = fresh.FirstOrDefault(d => d.Kind == watched.Deadline.Kind && d.Reference == watched.Deadline.Reference);
                if (now is null || now == watched.Deadline) continue;
                Unwatch(watched);
                Watch(now);
                string moved = now.DueDate == watched.Deadline.DueDate ? "stays" : "moves from " + watched.Deadline.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " to";
                await ChangeAsync(set: [now], audit: [new AuditNote(AuditEntryKind.DeadlineSet, "system", string.Create(CultureInfo.InvariantCulture,
                    $"Official working-day calendar {loaded.Year} loaded (正式工作日历, {loaded.Source}): deadline {now.Kind} {moved} {now.DueDate:yyyy-MM-dd}{(now.Provisional ? ", still provisional" : "")}."), now.ExpiresAt)]);
            }
        }
    }

    private Task<T> WithCalendarAsync<T>(string activity, object request) =>
        CalendarAware.CallAsync<T>(context, input.CaseId, NextOperation, activity, request);

    private async Task MoveAsync(CaseTrigger trigger, string actor, string summary, IReadOnlyList<CaseDeadline>? set = null,
        IReadOnlyList<CaseDeadlineKind>? close = null, AuditEntryKind kind = AuditEntryKind.Action, IReadOnlyList<string>? investigators = null, bool overridden = false)
    {
        var result = CaseTransitions.Apply(Step, trigger);
        CaseStep to = result.To ?? throw new InvalidOperationException(result.Error);
        var notes = new List<AuditNote>
        {
            new(kind, actor, summary),
            new(AuditEntryKind.StepChanged, actor, $"Step {Step} → {to}."),
        };
        notes.AddRange((set ?? []).Select(Deadline));
        Step = to;
        DateTimeOffset? acceptedAt = to is CaseStep.Approved or CaseStep.Refused && _acceptedAt != default ? _acceptedAt : null;
        await context.CallActivityAsync<bool>(ApplyCaseChange.Name, new CaseChange(input.CaseId, NextOperation(), Now, to, set, close, notes, investigators, overridden, AcceptedAt: acceptedAt), Retry);
    }

    private Task ChangeAsync(CaseStep? step = null, IReadOnlyList<CaseDeadline>? set = null, IReadOnlyList<CaseDeadlineKind>? close = null, IReadOnlyList<AuditNote>? audit = null,
        IReadOnlyList<string>? investigators = null, bool overridden = false) =>
        context.CallActivityAsync<bool>(ApplyCaseChange.Name, new CaseChange(input.CaseId, NextOperation(), Now, step, set, close, audit, investigators, overridden), Retry);

    private void WatchAll(IEnumerable<CaseDeadline> deadlines)
    {
        foreach (var deadline in deadlines)
        {
            Watch(deadline);
        }
    }

    private void Watch(CaseDeadline deadline)
    {
        var cts = new CancellationTokenSource();
        _watched.Add(new WatchedDeadline(deadline, context.CreateTimer(deadline.ExpiresAt.UtcDateTime, cts.Token), cts));
    }

    private void Unwatch(CaseDeadlineKind kind)
    {
        foreach (var watched in _watched.Where(w => w.Deadline.Kind == kind).ToArray())
        {
            Unwatch(watched);
        }
    }

    private void Unwatch(WatchedDeadline watched)
    {
        watched.Cancellation.Cancel();
        watched.Cancellation.Dispose();
        _watched.Remove(watched);
    }

    private string NextOperation() => string.Create(CultureInfo.InvariantCulture, $"{context.InstanceId}:{++_operation}");

    private static AuditNote Deadline(CaseDeadline d) =>
        new(AuditEntryKind.DeadlineSet, "system", string.Create(CultureInfo.InvariantCulture,
            $"Deadline {d.Kind}: {d.DueDate:yyyy-MM-dd} ({d.Basis}){(d.Provisional ? "; provisional: counted on a provisional calendar year (临时工作日历), recomputed when the official schedule is loaded" : "")}."), d.ExpiresAt);

    private static string InvestigatorsOf(CaseActionEvent action) =>
        action.Investigators is { Count: > 0 } ids ? " by investigators " + string.Join(", ", ids) : string.Empty;

    private static string NoteOf(CaseActionEvent action) => action.Note is { Length: > 0 } note ? " " + note : string.Empty;

    private static string Money(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class WatchedDeadline(CaseDeadline deadline, Task timer, CancellationTokenSource cancellation)
    {
        public CaseDeadline Deadline { get; } = deadline;

        public Task Timer { get; } = timer;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public bool Escalated { get; set; }
    }
}
