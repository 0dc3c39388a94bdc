using Azure.Storage.Queues.Models;
using Relief.Durable.Core;
using Relief.Durable.Storage;

namespace Relief.Durable.Worker;

/// <summary>Something for an instance's next episode.</summary>
internal abstract record WorkItem
{
    /// <summary>The de-duplication id.</summary>
    public abstract string MessageId { get; }
}

/// <summary>A control-queue message (deleted after the episode that consumes it commits).</summary>
internal sealed record QueueWorkItem(QueueMessage Raw, TaskMessage Message) : WorkItem
{
    public override string MessageId => Message.Id;
}

/// <summary>An in-memory delivery: an in-process activity result or a due timer.</summary>
internal sealed record LocalWorkItem(string Id, string? ExecutionId, HistoryEvent Event, DurableTimer? Timer) : WorkItem
{
    public override string MessageId => Id;
}

/// <summary>Load the instance (recovery after a crash or takeover): repairs the index, re-dispatches in-process activities, restarts a lost start.</summary>
internal sealed record RecoverWorkItem(string Id, string? PendingName, string? PendingVersion, string? PendingExecutionId, string? PendingInput, DateTimeOffset CreatedAt) : WorkItem
{
    public override string MessageId => Id;
}

/// <summary>One instance owned by this process: its mailbox and cached state.</summary>
internal sealed class InstanceSession(string instanceId, int partition)
{
    public string InstanceId { get; } = instanceId;
    public int Partition { get; } = partition;
    public object Gate { get; } = new();
    public List<WorkItem> Mailbox { get; } = [];
    public List<WorkItem> Deferred { get; } = [];
    public bool Running { get; set; }
    public InstanceState? Cached { get; set; }
    public long LastUsed { get; set; }
    public bool Removed { get; set; }
    public bool FirstLoad { get; set; } = true;
    public int Failures { get; set; }
}
