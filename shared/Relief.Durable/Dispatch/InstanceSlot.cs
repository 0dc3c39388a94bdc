using Relief.Durable.Storage;

namespace Relief.Durable.Dispatch;

/// <summary>
/// An instance as this process serves it: messages waiting for its next episode, whether an episode is running,
/// and its state as committed last (saves reading the row for every episode). Guarded by locking the slot.
/// </summary>
internal sealed class InstanceSlot(string instanceId, int partition)
{
    public string InstanceId { get; } = instanceId;

    public int Partition { get; } = partition;

    /// <summary>Messages for the next episode.</summary>
    public List<InboundMessage> Pending { get; } = [];

    /// <summary>An episode is running (its work item is out).</summary>
    public bool Locked { get; set; }

    /// <summary>The slot is in the ready channel.</summary>
    public bool Queued { get; set; }

    /// <summary>Taken out of the slot table; a new message makes a new slot.</summary>
    public bool Removed { get; set; }

    /// <summary>The row as committed by this process last; null: read it.</summary>
    public InstanceRecord? Cached { get; set; }
}
