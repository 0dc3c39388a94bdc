using Microsoft.Extensions.Logging;

namespace Relief.Durable;

/// <summary>
/// What an orchestrator sees: it schedules durable work (activities, timers, sub-orchestrations),
/// waits for external events, and reads time and ids deterministically. Orchestrator code is replayed
/// from history, so it must only await tasks returned by this context and must not read the clock,
/// random numbers or I/O directly.
/// </summary>
public abstract class TaskOrchestrationContext
{
    /// <summary>The instance id.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The orchestrator name.</summary>
    public abstract string Name { get; }

    /// <summary>The orchestrator version this instance runs (recorded when it started).</summary>
    public abstract string Version { get; }

    /// <summary>The parent instance id, when this is a sub-orchestration.</summary>
    public abstract string? ParentInstanceId { get; }

    /// <summary>True while the code is re-executing steps already recorded in history.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The deterministic current time (the start of the current episode, UTC).</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>Calls an activity and returns its result.</summary>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Calls an activity that returns nothing useful.</summary>
    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>
    /// Creates a durable timer that completes at <paramref name="fireAt"/> on the engine's clock. The time is
    /// UTC; a <see cref="DateTimeKind.Unspecified"/> value is taken as UTC, never as server-local time.
    /// </summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>Creates a durable timer that completes after <paramref name="delay"/>.</summary>
    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>
    /// Waits for an external event by name (case-insensitive). Events raised before the wait are buffered
    /// and delivered in arrival order. Cancel the token to stop waiting (e.g. after a deadline won a race).
    /// </summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Starts a sub-orchestration and waits for its result.</summary>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>
    /// Restarts this instance with new input once the orchestrator returns; history is reset.
    /// With <paramref name="preserveUnprocessedEvents"/>, external events received but not yet consumed
    /// are carried into the new execution.
    /// </summary>
    public abstract void ContinueAsNew(object? newInput, bool preserveUnprocessedEvents = true);

    /// <summary>Sets a JSON-serialisable status the client can read.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>A new GUID that is the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>Reads the orchestration input.</summary>
    public abstract T? GetInput<T>();

    /// <summary>A logger that writes nothing while the orchestrator replays.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);

    /// <summary>A logger that writes nothing while the orchestrator replays.</summary>
    public ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T).FullName ?? typeof(T).Name);
}
