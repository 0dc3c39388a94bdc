using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Relief.Cases.Audit;
using Relief.Cases.Payments;
using Relief.Cases.Intake;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Payments;
using Relief.Cases.Storage.Reviews;
using Relief.Cases.Reviews;
using Relief.Domain.Reviews;
using Relief.Domain.Calendar;

namespace Relief.Functions.Workflows.Activities;

/// <summary>
/// Activity: carries out the money side of a decision. An approved dibao or tekun household is enrolled in the
/// beneficiary register from the month after approval (the monthly payroll pays it from then on); each payment
/// instruction (发放指令: that first month, instalments, an emergency advance or balance) is recorded in the ledger —
/// once, ever, by its idempotency key — sent to the <c>payments</c> queue to be paid the same day, and noted in the
/// audit trail. At least once: a retry finds the enrolment and the instructions already there and writes nothing twice
/// (the queue may see a message again; the bank adapter pays by the ledger).
/// </summary>
public sealed class WritePayments(CaseApplications applications, CaseUpdates updates, BeneficiaryIdentifier beneficiaries, IPaymentInstructionWriter payments, BeneficiaryRegister register, PaymentLedger ledger, PaymentBatchWriter batches, ReviewStore reviews, Relief.Cases.Storage.Feeds.PeopleIndex people, ILogger<WritePayments> logger)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(WritePayments);

    [Function(Name)]
    public async Task<PaymentSummary> RunAsync([ActivityTrigger] PaymentRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var record = await applications.RecordAsync(input.CaseId, cancellationToken).ConfigureAwait(false);
        var application = await applications.ApplicationAsync(record, cancellationToken).ConfigureAwait(false);
        string beneficiary = beneficiaries.Of(application);
        DateOnly today = ChinaStandardTime.DateOf(input.At);
        var assessment = applications.Assess(application, record.Decision?.DecisionDate ?? today);

        IReadOnlyList<PaymentInstruction> instructions = input.Kind switch
        {
            PaymentKind.Approval => PaymentPlanner.ForApproval(input.CaseId, beneficiary, assessment, today, input.At),
            PaymentKind.Advance => PaymentPlanner.ForAdvanceRelief(input.CaseId, beneficiary, assessment, applications.Policy(application, today), input.At) is { } advance ? [advance] : [],
            PaymentKind.EmergencyBalance => PaymentPlanner.ForEmergencyBalance(input.CaseId, beneficiary, assessment.Amount, input.AdvancePaid, input.At) is { } balance ? [balance] : [],
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Kind, "Unknown payment kind."),
        };

        var notes = new List<AuditNote>();
        if (input.Kind == PaymentKind.Approval && assessment.Program is AssistanceProgram.Dibao or AssistanceProgram.Tekun && instructions.Count > 0)
        {
            PaymentInstruction first = instructions[0];
            var enrolment = new EntitlementChange(EntitlementChangeKind.Enrolled, PayPeriod.Parse(first.Period), first.Amount, null,
                "Approved", input.CaseId, input.At);
            var enrolled = Entitlement.Enrol(beneficiary, first.Program, record.Jurisdiction, input.CaseId, application.Household.CountedMembers.Count, enrolment);
            if (!enrolled.Applied) throw new InvalidOperationException("Enrolment refused: " + enrolled.Error);
            var (_, created) = await register.EnrolAsync(enrolled.Entitlement, cancellationToken).ConfigureAwait(false);
            if (created)
            {
                notes.Add(new AuditNote(AuditEntryKind.PaymentInstructed, "system", string.Create(CultureInfo.InvariantCulture,
                    $"Enrolled in the beneficiary register as household {beneficiary}: {first.Amount:0.00} yuan a month from {first.Period}, paid by the monthly payroll.")));
            }

            // The people index: agency records name persons; this finds their household (upserts: a retry rewrites the same rows).
            foreach (var member in application.Household.Members)
            {
                await people.IndexAsync(beneficiaries.PersonOf(member.Id), new Relief.Cases.Storage.Feeds.PersonMembership(beneficiary, first.Program, record.Jurisdiction, input.CaseId,
                    System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Relationship.ToString())), cancellationToken).ConfigureAwait(false);
            }

            // The first review (动态管理): yearly or half-yearly from the decision, by the household's cadence. A retry finds it scheduled.
            if (await reviews.GetHouseholdAsync(beneficiary, first.Program, cancellationToken).ConfigureAwait(false) is null)
            {
                var policy = applications.Policy(application, today);
                ReviewSchedule cadence = assessment.Program == AssistanceProgram.Tekun ? ReviewCadence.ForTekun(policy, today) : ReviewCadence.ForDibao(application.Household, policy, today);
                await reviews.ScheduleAsync(new HouseholdReview(beneficiary, first.Program, record.Jurisdiction, input.CaseId, cadence.Frequency, cadence.NextReview, []), cancellationToken).ConfigureAwait(false);
                notes.Add(new AuditNote(AuditEntryKind.Action, "system", string.Create(CultureInfo.InvariantCulture,
                    $"First review due {cadence.NextReview:yyyy-MM-dd} ({cadence.Frequency}: {cadence.Reason})")));
            }
        }

        if (input.Kind == PaymentKind.Approval && assessment.Program == AssistanceProgram.TemporaryExpenditure && instructions.Count > 0)
        {
            // Instalments (分期救助): a plan in the register, each paid by the payroll of its month; only those already due are paid now.
            var plan = instructions.Select(i => new PlannedPayment(i.Month ?? PayPeriod.Of(today), i.Period, i.Amount)).ToArray();
            var (_, created) = await register.EnrolAsync(Entitlement.ForPlan(beneficiary, instructions[0].Program, record.Jurisdiction, input.CaseId, application.Household.CountedMembers.Count, plan, input.At), cancellationToken).ConfigureAwait(false);
            if (created)
            {
                notes.Add(new AuditNote(AuditEntryKind.PaymentInstructed, "system", string.Create(CultureInfo.InvariantCulture,
                    $"Instalment plan registered: {plan.Length} payments, {plan.Sum(p => p.Amount):0.00} yuan, {plan.Min(p => p.Month)} to {plan.Max(p => p.Month)}, paid by the monthly payroll.")));
            }

            instructions = instructions.Where(i => i.Month is not { } month || month <= PayPeriod.Of(today)).ToArray();
        }

        // Paid the same day: each ledger partition's unsent instructions go to the bank adapter as one batch.
        var entries = await ledger.InstructAsync(record.Jurisdiction, instructions, cancellationToken).ConfigureAwait(false);
        string root = PayrollShards.Root(record.Jurisdiction);
        int number = 0;
        foreach (var partition in entries.Where(e => e.Status == PaymentStatus.Instructed)
                     .GroupBy(e => (Month: PaymentLedger.LedgerMonth(e.Instruction), Shard: PayrollShards.Of(e.Instruction.BeneficiaryId, register.Shards))))
        {
            await batches.WriteAsync(new PaymentBatchMessage(root, partition.Key.Month, partition.Key.Shard, ++number,
                partition.Select(e => e.Instruction.IdempotencyKey).ToArray(), partition.Sum(e => e.Instruction.Amount), "decision-" + input.OperationId), cancellationToken).ConfigureAwait(false);
        }

        foreach (var instruction in instructions)
        {
            await payments.WriteAsync(instruction, cancellationToken).ConfigureAwait(false);
            notes.Add(new AuditNote(AuditEntryKind.PaymentInstructed, "system", string.Create(CultureInfo.InvariantCulture,
                $"Payment instruction written: {instruction.Amount:0.00} yuan for period {instruction.Period} from the {instruction.Source} fund.")));
        }

        await updates.AppendWorkflowAsync(input.CaseId, input.OperationId, input.Step.ToString(), input.At, notes, cancellationToken).ConfigureAwait(false);
        Logs.PaymentsWritten(logger, input.CaseId, input.Kind, instructions.Count);
        return new PaymentSummary(instructions.Count, instructions.Sum(i => i.Amount), instructions.Select(i => i.Period).ToArray());
    }
}
