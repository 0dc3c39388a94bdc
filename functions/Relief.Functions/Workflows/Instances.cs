using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Relief.Functions.Workflows;

/// <summary>
/// Starting orchestrations whose instance id names a business object (a case, a transfer): an id is used once, whatever
/// state its instance is in — a retried request never restarts a running case nor re-runs a finished one.
/// </summary>
public static class Instances
{
    // Every status the client allows as a dedupe status: an instance in any of them is kept, never replaced.
    private static readonly OrchestrationRuntimeStatus[] Kept =
    [
        OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Terminated,
    ];

    /// <summary>Starts <paramref name="orchestrator"/> as <paramref name="instanceId"/>; false when that instance already exists.</summary>
    public static Task<bool> StartOnceAsync(DurableTaskClient durable, string orchestrator, string instanceId, object input, CancellationToken cancellationToken) =>
        StartAsync(durable, orchestrator, instanceId, input, Kept, cancellationToken);

    /// <summary>
    /// Starts <paramref name="orchestrator"/> as <paramref name="instanceId"/> unless that instance is pending or running;
    /// a finished one is run again (for work that is idempotent by design, such as a payroll). False when it is still running.
    /// </summary>
    public static Task<bool> StartUnlessRunningAsync(DurableTaskClient durable, string orchestrator, string instanceId, object input, CancellationToken cancellationToken) =>
        StartAsync(durable, orchestrator, instanceId, input, [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running], cancellationToken);

    private static async Task<bool> StartAsync(DurableTaskClient durable, string orchestrator, string instanceId, object input, OrchestrationRuntimeStatus[] dedupe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses(dedupe);
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }
}
