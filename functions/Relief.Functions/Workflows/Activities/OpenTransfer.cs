using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using Relief.Cases.Audit;
using Relief.Cases.Deadlines;
using Relief.Cases.Transfers;
using Relief.Domain.Calendar;
using Relief.Domain.Households;
using Relief.Domain.Policies;

namespace Relief.Functions.Workflows.Activities;

/// <summary>Activity: records a transfer (转办) on the case with its reply deadline; idempotent.</summary>
public sealed class OpenTransfer(CaseUpdates updates, CaseApplications applications, IPolicyCatalog catalog, CaseDeadlinePlanner planner)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(OpenTransfer);

    [Function(Name)]
    public async Task<CaseDeadline> RunAsync([ActivityTrigger] OpenTransferRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        TransferInput t = input.Transfer;
        var record = await applications.RecordAsync(t.CaseId, cancellationToken).ConfigureAwait(false);
        var policy = catalog.Find(JurisdictionCode.Parse(record.Jurisdiction), ChinaStandardTime.DateOf(input.OpenedAt)).GetOrThrow();
        CaseDeadline deadline = planner.TransferReply(input.OpenedAt, t.WorkingDays, t.TransferId, policy);
        var transfer = new TransferRecord(t.TransferId, t.Department, t.Subject, TransferState.Open, input.OpenedAt, deadline.ExpiresAt);
        var stored = await updates.UpdateAsync(t.CaseId, record => record.Transfers.Any(x => x.TransferId == t.TransferId)
            ? null
            : record.WithTransfer(transfer).WithDeadline(deadline), cancellationToken).ConfigureAwait(false);
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"Transferred to {t.Department} (转办) as {t.TransferId}: {t.Subject}; reply due {deadline.DueDate:yyyy-MM-dd} ({deadline.Basis}). The accepting office stays responsible (首问负责).");
        await updates.AppendWorkflowAsync(t.CaseId, input.OperationId, stored.Step.ToString(), input.OpenedAt,
            [new AuditNote(AuditEntryKind.Transfer, t.Actor, summary, deadline.ExpiresAt)], cancellationToken).ConfigureAwait(false);
        return deadline;
    }
}
