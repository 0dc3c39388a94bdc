namespace Relief.Durable.Core;

/// <summary>
/// One event in an orchestration history, and the payload of control-queue messages. A flat shape:
/// fields not used by an event type stay null. Persisted as JSON, so renames are format changes.
/// </summary>
public sealed class HistoryEvent
{
    /// <summary>The event type.</summary>
    public HistoryEventType Type { get; set; }
    /// <summary>When the event was recorded (engine clock, UTC).</summary>
    public DateTime Timestamp { get; set; }
    /// <summary>The sequence id of the task (activity, timer, sub-orchestration); -1 when none.</summary>
    public int TaskId { get; set; } = -1;
    /// <summary>Activity / orchestrator / event name.</summary>
    public string? Name { get; set; }
    /// <summary>Orchestrator version (ExecutionStarted, SubOrchestrationCreated).</summary>
    public string? Version { get; set; }
    /// <summary>JSON input.</summary>
    public string? Input { get; set; }
    /// <summary>JSON result.</summary>
    public string? Result { get; set; }
    /// <summary>Failure (TaskFailed, SubOrchestrationFailed, ExecutionCompleted when failed).</summary>
    public FailureDetails? Failure { get; set; }
    /// <summary>Timer due time (TimerCreated, TimerFired).</summary>
    public DateTime? FireAt { get; set; }
    /// <summary>The child instance id (SubOrchestrationCreated).</summary>
    public string? InstanceId { get; set; }
    /// <summary>The execution id (ExecutionStarted).</summary>
    public string? ExecutionId { get; set; }
    /// <summary>The parent (ExecutionStarted of a sub-orchestration).</summary>
    public ParentInstance? Parent { get; set; }
    /// <summary>The id of the message this event came from, for de-duplication.</summary>
    public string? MessageId { get; set; }
    /// <summary>TaskScheduled: the activity is run by the owning process, not via the work-item queue.</summary>
    public bool Local { get; set; }
    /// <summary>ExecutionCompleted: the final status.</summary>
    public OrchestrationRuntimeStatus? Status { get; set; }

    /// <summary>A shallow copy.</summary>
    public HistoryEvent Clone() => (HistoryEvent)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() => $"{Type}#{TaskId} {Name}";
}

/// <summary>Where a sub-orchestration reports back to.</summary>
/// <param name="InstanceId">The parent instance id.</param>
/// <param name="ExecutionId">The parent execution id.</param>
/// <param name="TaskId">The parent's task id for this child.</param>
/// <param name="Name">The child's orchestrator name (for messages).</param>
public sealed record ParentInstance(string InstanceId, string ExecutionId, int TaskId, string Name);
