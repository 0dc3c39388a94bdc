namespace Relief.Durable;

/// <summary>The lifecycle state of an orchestration instance, as the client sees it.</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Scheduled by a client; no episode has run yet.</summary>
    Pending = 0,
    /// <summary>Started and not finished.</summary>
    Running = 1,
    /// <summary>Returned a result.</summary>
    Completed = 2,
    /// <summary>Threw an unhandled exception, or was found non-deterministic.</summary>
    Failed = 3,
    /// <summary>Ended by <see cref="DurableTaskClient.TerminateInstanceAsync"/>.</summary>
    Terminated = 4,
    /// <summary>Paused by <see cref="DurableTaskClient.SuspendInstanceAsync"/>; events are kept until resumed.</summary>
    Suspended = 5,
    /// <summary>Transient: the execution restarted itself with new input (only seen in history).</summary>
    ContinuedAsNew = 6,
}

/// <summary>Helpers on <see cref="OrchestrationRuntimeStatus"/>.</summary>
public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>True for Completed, Failed and Terminated: the instance will not run again.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
