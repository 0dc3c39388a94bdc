using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Relief.Cases.Audit;
using Relief.Cases.Deadlines;
using Relief.Cases.Records;
using Relief.Cases.Verification;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Queues;

namespace Relief.Functions.Workflows.Activities;

/// <summary>
/// Activity: a deadline passed (超期督办) — writes the escalation to the <c>supervision</c> queue and to the audit trail.
/// The case goes on; the orchestration keeps waiting for the step's event.
/// </summary>
public sealed class EscalateDeadline(CaseApplications applications, CaseUpdates updates, ISupervisionWriter supervision, ILogger<EscalateDeadline> logger,
    Relief.Functions.Statistics.CaseStatistics? statistics = null)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(EscalateDeadline);

    [Function(Name)]
    public async Task<bool> RunAsync([ActivityTrigger] EscalationRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var record = await applications.RecordAsync(input.CaseId, cancellationToken).ConfigureAwait(false);
        var escalation = SupervisionMessage.For(record, input.Deadline, input.DetectedAt);
        string missing = string.Empty;
        if (input.Deadline.Kind == CaseDeadlineKind.EconomicVerificationAnswers)
        {
            // An answer missing at its deadline is not ignored: the silent agencies are marked overdue and named.
            record = await updates.UpdateAsync(input.CaseId, MarkSilentAgenciesOverdue(input.DetectedAt), cancellationToken).ConfigureAwait(false);
            string[] silent = [.. record.Verifications.Where(v => v.State == VerificationState.Overdue).Select(v => v.Agency.ToCode())];
            if (silent.Length > 0)
            {
                escalation = escalation with { Reference = string.Join(",", silent) };
                missing = " No answer from: " + string.Join(", ", silent) + ".";
            }
        }

        await supervision.WriteAsync(escalation, cancellationToken).ConfigureAwait(false);
        string reference = input.Deadline.Reference is { } r ? $" ({r})" : string.Empty;
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"Deadline {input.Deadline.Kind}{reference} passed (due {input.Deadline.DueDate:yyyy-MM-dd}, {input.Deadline.Basis}); escalated to supervision (超期督办). The case goes on.{missing}");
        await updates.AppendWorkflowAsync(input.CaseId, input.OperationId, record.Step.ToString(), input.DetectedAt,
            [new AuditNote(AuditEntryKind.Escalation, "system", summary, input.Deadline.ExpiresAt)], cancellationToken).ConfigureAwait(false);
        if (statistics is not null) await statistics.OverdueAsync(record, input.Deadline, input.DetectedAt, cancellationToken).ConfigureAwait(false);
        Logs.DeadlineEscalated(logger, input.CaseId, input.Deadline.Kind);
        return true;
    }

    private static Func<CaseRecord, CaseRecord?> MarkSilentAgenciesOverdue(DateTimeOffset at) => record =>
    {
        CaseRecord? updated = null;
        foreach (var request in record.Verifications.Where(v => v.State == VerificationState.Requested))
        {
            updated = (updated ?? record).ApplyVerification(request.Agency, VerificationTrigger.DeadlinePassed, at) ?? updated;
        }

        return updated;
    };
}
