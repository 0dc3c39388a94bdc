namespace Relief.Durable.Core;

/// <summary>The kinds of events recorded in an orchestration's history (persisted by name).</summary>
public enum HistoryEventType
{
    /// <summary>The execution started (name, version, input, parent).</summary>
    ExecutionStarted,
    /// <summary>An episode began; carries the episode's deterministic time.</summary>
    OrchestratorStarted,
    /// <summary>The orchestrator scheduled an activity.</summary>
    TaskScheduled,
    /// <summary>An activity returned.</summary>
    TaskCompleted,
    /// <summary>An activity threw.</summary>
    TaskFailed,
    /// <summary>The orchestrator created a timer.</summary>
    TimerCreated,
    /// <summary>A timer fired.</summary>
    TimerFired,
    /// <summary>The orchestrator started a sub-orchestration.</summary>
    SubOrchestrationCreated,
    /// <summary>A sub-orchestration completed.</summary>
    SubOrchestrationCompleted,
    /// <summary>A sub-orchestration failed.</summary>
    SubOrchestrationFailed,
    /// <summary>An external event arrived.</summary>
    EventRaised,
    /// <summary>The instance was suspended.</summary>
    ExecutionSuspended,
    /// <summary>The instance was resumed.</summary>
    ExecutionResumed,
    /// <summary>The instance was terminated.</summary>
    ExecutionTerminated,
    /// <summary>The execution finished (status, output or failure).</summary>
    ExecutionCompleted,
}
