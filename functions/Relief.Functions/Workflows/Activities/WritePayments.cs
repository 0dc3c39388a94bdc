using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Relief.Cases.Audit;
using Relief.Cases.Payments;
using Relief.Cases.Storage;
using Relief.Domain.Calendar;

namespace Relief.Functions.Workflows.Activities;

/// <summary>
/// Activity: writes a decision's payment instructions (发放指令) to the <c>payments</c> queue and records each in the
/// audit trail. At least once: a retry writes the same instructions, which carry the same idempotency key.
/// </summary>
public sealed class WritePayments(CaseApplications applications, CaseUpdates updates, BeneficiaryIdentifier beneficiaries, IPaymentInstructionWriter payments, ILogger<WritePayments> logger)
   
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
        foreach (var instruction in instructions)
        {
            await payments.WriteAsync(instruction, cancellationToken).ConfigureAwait(false);
            notes.Add(new AuditNote(AuditEntryKind.PaymentInstructed, "system", string.Create(CultureInfo.InvariantCulture,
                $"Payment instruction written: {instruction.Amount:0.00} yuan for period {instruction.Period} from the {instruction.Source} fund.")));
        }

        await updates.AppendAsync(input.CaseId, input.OperationId, input.Step.ToString(), input.At, notes, cancellationToken).ConfigureAwait(false);
        Logs.PaymentsWritten(logger, input.CaseId, input.Kind, instructions.Count);
        return new PaymentSummary(instructions.Count, instructions.Sum(i => i.Amount), instructions.Select(i => i.Period).ToArray());
    }
}
