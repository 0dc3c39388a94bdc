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

    /// <summary>
    /// True when <paramref name="instanceId"/> has started (running, or finished): an event raised now reaches it. The
    /// Azure Storage provider may discard an event that reaches a still-pending instance before its start
    /// (Azure/durabletask#720) — the caller answers "not yet" rather than accept an event that could vanish.
    /// </summary>
    public static async Task<bool> HasStartedAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var instance = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        return instance is not null && instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending;
    }

    /// <summary>The 409 answer for an action on a workflow that has not started yet (retry in a moment).</summary>
    public static Microsoft.AspNetCore.Http.IResult NotStarted(Microsoft.AspNetCore.Http.HttpRequest request, string what)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.RetryAfter = "2";
        return Microsoft.AspNetCore.Http.TypedResults.Problem(statusCode: Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict, title: "Not started yet",
            detail: $"The workflow of {what} has not started yet; nothing was applied. Try again in a moment (Retry-After).");
    }
}
