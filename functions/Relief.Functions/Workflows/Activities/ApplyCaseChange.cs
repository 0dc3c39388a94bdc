using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Lifecycle;
using Relief.Cases.Records;
using Relief.Functions.Statistics;

namespace Relief.Functions.Workflows.Activities;

/// <summary>Activity: moves a case's step, sets or closes deadlines, and appends the audit records (审计记录). Idempotent.</summary>
public sealed class ApplyCaseChange(CaseUpdates updates, CaseStatistics? statistics = null)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(ApplyCaseChange);

    [Function(Name)]
    public async Task<bool> RunAsync([ActivityTrigger] CaseChange input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        CaseRecord stored = await updates.UpdateAsync(input.CaseId, record =>
        {
            CaseRecord updated = record with
            {
                Step = input.Step ?? record.Step,
                Investigators = [.. record.Investigators.Union(input.Investigators ?? [], StringComparer.Ordinal)],
                Overridden = record.Overridden || input.Overridden,
            };
            foreach (var deadline in input.SetDeadlines ?? [])
            {
                updated = updated.WithDeadline(deadline);
            }

            foreach (var kind in input.CloseDeadlines ?? [])
            {
                updated = updated.CloseDeadline(kind);
            }

            return updated;
        }, cancellationToken).ConfigureAwait(false);

        await updates.AppendWorkflowAsync(input.CaseId, input.OperationId, stored.Step.ToString(), input.At, input.Audit ?? [], cancellationToken).ConfigureAwait(false);
        if (statistics is not null)
        {
            // After the case's own writes: a failure here retries the activity, whose writes are idempotent.
            if (input.Received) await statistics.ReceivedAsync(stored, cancellationToken).ConfigureAwait(false);
            if (input.Step is CaseStep.Approved or CaseStep.Refused) await statistics.DecidedAsync(stored, input.At, input.AcceptedAt, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
