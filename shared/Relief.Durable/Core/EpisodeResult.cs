namespace Relief.Durable.Core;

/// <summary>What one replay episode decided.</summary>
public sealed class EpisodeResult
{
    /// <summary>Events to append to history, in order (episode start, applied inputs, new actions, completion).</summary>
    public List<HistoryEvent> NewEvents { get; } = [];
    /// <summary>The new actions (TaskScheduled, TimerCreated, SubOrchestrationCreated) to carry out; also in <see cref="NewEvents"/>.</summary>
    public List<HistoryEvent> NewActions { get; } = [];
    /// <summary>The status after the episode.</summary>
    public OrchestrationRuntimeStatus Status { get; set; } = OrchestrationRuntimeStatus.Running;
    /// <summary>The JSON output when completed (or termination reason).</summary>
    public string? Output { get; set; }
    /// <summary>The failure when failed.</summary>
    public FailureDetails? Failure { get; set; }
    /// <summary>The JSON custom status.</summary>
    public string? CustomStatus { get; set; }
    /// <summary>Set when the orchestrator continued as new: the next execution's input.</summary>
    public string? ContinueAsNewInput { get; set; }
    /// <summary>Events carried into the next execution (unprocessed external events).</summary>
    public List<HistoryEvent> CarriedEvents { get; } = [];
    /// <summary>Set when the episode failed on non-determinism.</summary>
    public bool NonDeterministic { get; set; }
}
