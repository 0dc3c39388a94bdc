namespace Relief.Durable;

/// <summary>
/// Thrown when a client or worker starts on a task hub with a setting that must not change for the life of
/// the hub (the partition count: instances are routed to control queues by it).
/// </summary>
public sealed class TaskHubMismatchException : InvalidOperationException
{
    /// <summary>The configuration key of the partition count (host.json <c>extensions.durableTask.partitionCount</c>).</summary>
    public const string PartitionCountSetting = "extensions:durableTask:partitionCount";

    /// <summary>Creates the exception for a partition-count mismatch.</summary>
    public TaskHubMismatchException(string hubName, int recordedPartitionCount, int configuredPartitionCount)
        : base($"Task hub '{hubName}' was created with {PartitionCountSetting} = {recordedPartitionCount}, but this process is configured with " +
               $"{PartitionCountSetting} = {configuredPartitionCount}. The partition count of a task hub cannot change: set it back to " +
               $"{recordedPartitionCount}, or use a new hubName.")
    {
        HubName = hubName;
        RecordedPartitionCount = recordedPartitionCount;
        ConfiguredPartitionCount = configuredPartitionCount;
    }

    /// <summary>Creates the exception.</summary>
    public TaskHubMismatchException() : base("The task hub was created with other settings.") => HubName = string.Empty;

    /// <summary>Creates the exception.</summary>
    public TaskHubMismatchException(string message, Exception innerException) : base(message, innerException) => HubName = string.Empty;

    /// <summary>The task hub.</summary>
    public string HubName { get; }

    /// <summary>The partition count recorded when the hub was created.</summary>
    public int RecordedPartitionCount { get; }

    /// <summary>The partition count this process is configured with.</summary>
    public int ConfiguredPartitionCount { get; }
}
