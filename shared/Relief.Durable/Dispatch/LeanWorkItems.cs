using DurableTask.Core;
using Relief.Durable.Storage;

namespace Relief.Durable.Dispatch;

/// <summary>An orchestration work item with what this provider needs to complete or abandon it.</summary>
internal sealed class LeanOrchestrationWorkItem : TaskOrchestrationWorkItem
{
    public required InstanceSlot Slot { get; init; }

    /// <summary>The stored row the episode started from; null when the instance has no row yet.</summary>
    public required InstanceRecord? Record { get; init; }

    /// <summary>Messages given to the episode.</summary>
    public required List<InboundMessage> Applied { get; init; }

    /// <summary>Messages consumed without effect (duplicates, late results).</summary>
    public required List<InboundMessage> Dropped { get; init; }

    /// <summary>Abandoned or released: the slot is no longer this work item's.</summary>
    public bool Done { get; set; }

    /// <summary>The committed state is final.</summary>
    public bool Terminal { get; set; }
}

/// <summary>An activity work item; <see cref="Receipt"/> is set when it came from the shared work-item queue.</summary>
internal sealed class LeanActivityWorkItem : TaskActivityWorkItem
{
    public QueueReceipt? Receipt { get; init; }
}
