using Azure;
using Relief.Durable.Core;

namespace Relief.Durable.Storage;

/// <summary>
/// The in-memory image of one instance's history partition: the state row (commit point) and the
/// current execution's events, plus de-duplication indexes. Kept in the owner's cache between episodes.
/// </summary>
public sealed class InstanceState
{
    /// <summary>Creates an empty state for an instance that does not exist yet.</summary>
    public InstanceState(string instanceId) => InstanceId = instanceId;

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }
    /// <summary>The state row's ETag; null when the instance has no history yet.</summary>
    public ETag? ETag { get; set; }
    /// <summary>Orchestrator name.</summary>
    public string? Name { get; set; }
    /// <summary>Orchestrator version.</summary>
    public string? Version { get; set; }
    /// <summary>Current execution id.</summary>
    public string? ExecutionId { get; set; }
    /// <summary>Continue-as-new generation (0 for the first execution).</summary>
    public int Generation { get; set; }
    /// <summary>Episodes committed in the current generation.</summary>
    public int Episode { get; set; }
    /// <summary>Runtime status.</summary>
    public OrchestrationRuntimeStatus Status { get; set; } = OrchestrationRuntimeStatus.Pending;
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Last update time.</summary>
    public DateTimeOffset LastUpdatedAt { get; set; }
    /// <summary>Current input (JSON).</summary>
    public string? Input { get; set; }
    /// <summary>Output (JSON).</summary>
    public string? Output { get; set; }
    /// <summary>Custom status (JSON).</summary>
    public string? CustomStatus { get; set; }
    /// <summary>Failure.</summary>
    public FailureDetails? Failure { get; set; }
    /// <summary>Parent, for sub-orchestrations.</summary>
    public ParentInstance? Parent { get; set; }
    /// <summary>History of the current execution.</summary>
    public List<HistoryEvent> History { get; } = [];
    /// <summary>Ids of messages already recorded.</summary>
    public HashSet<string> ConsumedMessages { get; } = new(StringComparer.Ordinal);
    /// <summary>Task ids scheduled in the current execution (activities, timers, sub-orchestrations), by kind.</summary>
    public Dictionary<int, HistoryEvent> Scheduled { get; } = [];
    /// <summary>Task ids whose result is recorded.</summary>
    public HashSet<int> Finished { get; } = [];

    /// <summary>
    /// Committed events of the current generation still kept inline in the state row (not yet moved to an
    /// episode row). Small histories never leave the state row, so most commits are a single-entity write.
    /// </summary>
    public List<HistoryEvent> Tail { get; } = [];
    /// <summary>The generation of <see cref="Tail"/>.</summary>
    public int TailGeneration { get; set; }
    /// <summary>The first episode in <see cref="Tail"/> (its episode row key when it is moved out).</summary>
    public int TailFirstEpisode { get; set; }

    /// <summary>True when the history partition exists.</summary>
    public bool Exists => ETag is not null;

    /// <summary>Adds events to history and the indexes.</summary>
    public void Append(IEnumerable<HistoryEvent> events)
    {
        foreach (var e in events)
        {
            History.Add(e);
            Index(e);
        }
    }

    /// <summary>Starts a new generation (continue-as-new): clears the current history (the committed <see cref="Tail"/> stays until the next commit moves it to a row).</summary>
    public void ResetForNewGeneration()
    {
        History.Clear();
        Scheduled.Clear();
        Finished.Clear();
        Generation++;
        Episode = 0;
    }

    private void Index(HistoryEvent e)
    {
        if (e.MessageId is not null) ConsumedMessages.Add(e.MessageId);
        switch (e.Type)
        {
            case HistoryEventType.TaskScheduled:
            case HistoryEventType.TimerCreated:
            case HistoryEventType.SubOrchestrationCreated:
                Scheduled[e.TaskId] = e;
                break;
            case HistoryEventType.TaskCompleted:
            case HistoryEventType.TaskFailed:
            case HistoryEventType.TimerFired:
            case HistoryEventType.SubOrchestrationCompleted:
            case HistoryEventType.SubOrchestrationFailed:
                Finished.Add(e.TaskId);
                break;
        }
    }

    /// <summary>Activities dispatched in-process whose result is not recorded (to re-dispatch after a crash).</summary>
    public IEnumerable<HistoryEvent> UnfinishedLocalActivities() =>
        Scheduled.Values.Where(e => e.Type == HistoryEventType.TaskScheduled && e.Local && !Finished.Contains(e.TaskId));
}
