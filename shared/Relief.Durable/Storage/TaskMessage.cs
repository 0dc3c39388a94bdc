using Relief.Durable.Core;

namespace Relief.Durable.Storage;

/// <summary>A control-queue or work-item message: one history event addressed to an instance.</summary>
public sealed class TaskMessage
{
    /// <summary>Unique message id (de-duplication key).</summary>
    public string Id { get; set; } = string.Empty;
    /// <summary>Target instance.</summary>
    public string InstanceId { get; set; } = string.Empty;
    /// <summary>Target execution; null = whatever execution is current (external events, control operations).</summary>
    public string? ExecutionId { get; set; }
    /// <summary>The event.</summary>
    public HistoryEvent? Event { get; set; }
    /// <summary>Set when the body was too large for a queue message: the blob holding it.</summary>
    public string? Blob { get; set; }
}
