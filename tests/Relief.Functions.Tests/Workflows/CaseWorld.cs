using Relief.Cases.Deadlines;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Transfers;
using Relief.Cases.Verification;
using Relief.Domain.Calendar;
using Relief.Domain.Calendar.Loading;
using Relief.Domain.Households;
using Relief.Domain.Policies;
using Relief.Domain.Policies.Loading;
using Relief.Functions.Workflows;
using Relief.Functions.Workflows.Activities;

namespace Relief.Functions.Tests.Workflows;

/// <summary>
/// What the case and transfer orchestrators see around them, in memory: a <see cref="FakeOrchestrationContext"/> whose
/// activities answer as the real ones would — deadlines from the real <see cref="PlanDeadlines"/> activity over the
/// shipped Qingdao policy and working-day calendar, the assessment the test chooses — and record what was written
/// (case changes, escalations, payments, transfer updates).
/// </summary>
public sealed class CaseWorld
{
    /// <summary>Monday 2 March 2026, 09:00 in Beijing.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly Lazy<(IPolicyCatalog Catalog, WorkingDayCalendar Calendar)> Shipped = new(() =>
        (PolicyFileLoader.LoadShippedAsync(CancellationToken.None).GetAwaiter().GetResult(), CalendarFileLoader.LoadShippedAsync(CancellationToken.None).GetAwaiter().GetResult()));

    public CaseWorld(AssistanceProgram program = AssistanceProgram.Dibao, DateTimeOffset? start = null, string caseId = "case-1")
    {
        var at = start ?? Start;
        Input = new CaseWorkflowInput(caseId, program, "qingdao/shinan", at);
        Context = new FakeOrchestrationContext(caseId, at.UtcDateTime) { Activities = Answer };
        Planner = new CaseDeadlinePlanner(Shipped.Value.Calendar);
    }

    public CaseWorkflowInput Input { get; }

    public FakeOrchestrationContext Context { get; }

    /// <summary>The deadline planner the activities use (a test may deploy another calendar).</summary>
    public CaseDeadlinePlanner Planner { get; set; }

    /// <summary>What the assessment activity answers.</summary>
    public AssessmentSummary Assessment { get; set; } = new(true, 800m, []);

    /// <summary>The case's step as the orchestration last wrote it.</summary>
    public CaseStep Step { get; private set; } = CaseStep.Submitted;

    public List<CaseChange> Changes { get; } = [];

    public List<EscalationRequest> Escalations { get; } = [];

    public List<PaymentRequest> Payments { get; } = [];

    public List<TransferUpdate> TransferUpdates { get; } = [];

    public IEnumerable<CaseDeadline> DeadlinesSet => Changes.SelectMany(c => c.SetDeadlines ?? []);

    public IEnumerable<AuditNote> Audit => Changes.SelectMany(c => c.Audit ?? []);

    public PolicyParameters Policy => Shipped.Value.Catalog.Find(JurisdictionCode.Parse(Input.Jurisdiction), DateOnly.FromDateTime(Context.Now)).GetOrThrow();

    /// <summary>Starts the case orchestration.</summary>
    public Task<CaseOutcome> StartCase() => Context.Start(c => CaseOrchestrator.RunAsync(c, Input));

    /// <summary>A person's action, checked against the current step as the HTTP function does.</summary>
    public void Act(CaseTrigger trigger, string actor = "caseworker:0042", IReadOnlyList<string>? reasons = null) =>
        Context.Raise(CaseOrchestrator.ActionEvent, new CaseActionEvent(trigger, Step, actor, null, reasons));

    /// <summary>Answers of the given agencies (all when none given).</summary>
    public void Answer(params VerificationAgency[] agencies)
    {
        foreach (var agency in agencies.Length == 0 ? VerificationAgencies.All : agencies)
        {
            Context.Raise(CaseOrchestrator.AnswerEvent, new VerificationAnswerEvent(agency, false));
        }
    }

    /// <summary>The latest deadline of a kind that was set.</summary>
    public CaseDeadline Deadline(CaseDeadlineKind kind) => DeadlinesSet.Last(d => d.Kind == kind);

    /// <summary>Moves the clock just past a deadline.</summary>
    public void PassDeadline(CaseDeadlineKind kind) => Context.AdvanceTo(Deadline(kind).ExpiresAt.UtcDateTime.AddSeconds(1));

    public IEnumerable<CaseDeadlineKind> EscalatedKinds => Escalations.Select(e => e.Deadline.Kind);

    private object? Answer(string name, object? input)
    {
        var now = new DateTimeOffset(Context.Now, TimeSpan.Zero);
        switch (name)
        {
            case ApplyCaseChange.Name:
                var change = (CaseChange)input!;
                Changes.Add(change);
                Step = change.Step ?? Step;
                return true;
            case PlanDeadlines.Name:
                return new PlanDeadlines(Shipped.Value.Catalog, Planner).RunAsync((DeadlinePlanRequest)input!, CancellationToken.None).GetAwaiter().GetResult();
            case AssessCase.Name:
                return Assessment;
            case WritePayments.Name:
                var payment = (PaymentRequest)input!;
                Payments.Add(payment);
                decimal total = payment.Kind == PaymentKind.Advance ? Math.Min(Assessment.Amount, 1000m) : Assessment.Amount - payment.AdvancePaid;
                return new PaymentSummary(1, total, ["2026-04"]);
            case EscalateDeadline.Name:
                Escalations.Add((EscalationRequest)input!);
                return true;
            case RequestEconomicVerification.Name:
                return new VerificationPlan(VerificationAgencies.All, Planner.EconomicVerificationStart(now, Policy), Planner.EconomicVerificationAnswers(now, policy: Policy));
            case OpenTransfer.Name:
                var open = (OpenTransferRequest)input!;
                return Planner.TransferReply(open.OpenedAt, open.Transfer.WorkingDays, open.Transfer.TransferId, Policy);
            case UpdateTransfer.Name:
                var update = (TransferUpdate)input!;
                TransferUpdates.Add(update);
                return update.Trigger == TransferTrigger.Reply
                    ? TransferUpdates.Any(u => u.Trigger == TransferTrigger.DeadlinePassed) ? TransferState.AnsweredLate : TransferState.Answered
                    : TransferState.Overdue;
            default:
                throw new InvalidOperationException("Unknown activity " + name);
        }
    }
}
