using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Relief.Cases.Audit;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Queues;
using Relief.Cases.Transfers;

namespace Relief.Functions.Workflows.Activities;

/// <summary>
/// Activity: a department's reply, or its deadline passing (then escalated to the <c>supervision</c> queue), applied to
/// the transfer through <see cref="TransferTransitions"/>; recorded in the audit trail. Idempotent.
/// </summary>
public sealed class UpdateTransfer(CaseUpdates updates, ISupervisionWriter supervision, ILogger<UpdateTransfer> logger)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(UpdateTransfer);

    [Function(Name)]
    public async Task<TransferState> RunAsync([ActivityTrigger] TransferUpdate input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stored = await updates.UpdateAsync(input.CaseId, record => record.ApplyTransfer(input.TransferId, input.Trigger, input.At), cancellationToken).ConfigureAwait(false);
        TransferRecord transfer = stored.Transfers.Single(t => t.TransferId == input.TransferId);
        string summary;
        AuditEntryKind kind;
        if (input.Trigger == TransferTrigger.DeadlinePassed)
        {
            await supervision.WriteAsync(SupervisionMessage.For(stored, input.Deadline, input.At), cancellationToken).ConfigureAwait(false);
            kind = AuditEntryKind.Escalation;
            summary = string.Create(CultureInfo.InvariantCulture,
                $"Transfer {input.TransferId} to {transfer.Department}: no reply by {input.Deadline.DueDate:yyyy-MM-dd}; escalated to supervision (超期督办), still awaiting the reply.");
        }
        else
        {
            kind = AuditEntryKind.Transfer;
            summary = $"Transfer {input.TransferId} to {transfer.Department}: replied ({transfer.State}){(input.Note is { Length: > 0 } n ? ": " + n : string.Empty)}";
        }

        await updates.AppendWorkflowAsync(input.CaseId, input.OperationId, stored.Step.ToString(), input.At,
            [new AuditNote(kind, input.Actor, summary, input.Deadline.ExpiresAt)], cancellationToken).ConfigureAwait(false);
        Logs.TransferChanged(logger, input.CaseId, input.TransferId, input.Trigger);
        return transfer.State;
    }
}
