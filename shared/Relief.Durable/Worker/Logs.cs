using Microsoft.Extensions.Logging;

namespace Relief.Durable.Worker;

/// <summary>Log messages of the durable worker.</summary>
internal static partial class Logs
{
    [LoggerMessage(1, LogLevel.Information, "Durable worker {HostId} started on hub {HubName} with {PartitionCount} partitions.")]
    public static partial void WorkerStarted(ILogger logger, string hostId, string hubName, int partitionCount);

    [LoggerMessage(2, LogLevel.Information, "Host {HostId} acquired partition {Partition}.")]
    public static partial void PartitionAcquired(ILogger logger, string hostId, int partition);

    [LoggerMessage(3, LogLevel.Information, "Host {HostId} released partition {Partition} ({Reason}).")]
    public static partial void PartitionReleased(ILogger logger, string hostId, int partition, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Episode of {InstanceId} aborted: another writer committed first ({Reason}); it will be retried from storage.")]
    public static partial void CommitConflict(ILogger logger, string instanceId, string reason);

    [LoggerMessage(5, LogLevel.Error, "Episode of {InstanceId} failed; messages are abandoned for redelivery.")]
    public static partial void EpisodeFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(6, LogLevel.Warning, "Message {MessageId} from {Queue} quarantined: {Reason}")]
    public static partial void MessageQuarantined(ILogger logger, string messageId, string queue, string reason);

    [LoggerMessage(7, LogLevel.Debug, "Dropped message {MessageId} for {InstanceId}: {Reason}")]
    public static partial void MessageDropped(ILogger logger, string messageId, string instanceId, string reason);

    [LoggerMessage(8, LogLevel.Warning, "Instance {InstanceId} failed as non-deterministic: {Message}")]
    public static partial void NonDeterministic(ILogger logger, string instanceId, string message);

    [LoggerMessage(9, LogLevel.Error, "Partition loop {Partition} failed; retrying.")]
    public static partial void PartitionLoopFailed(ILogger logger, Exception exception, int partition);

    [LoggerMessage(10, LogLevel.Error, "Lease maintenance failed; retrying.")]
    public static partial void LeaseLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(11, LogLevel.Error, "Work-item loop failed; retrying.")]
    public static partial void WorkItemLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Information, "Recovered {Count} unfinished in-process activities of {InstanceId}.")]
    public static partial void ActivitiesRedispatched(ILogger logger, int count, string instanceId);

    [LoggerMessage(13, LogLevel.Critical, "Fault injection at {Point} (hit {Hit}): the process exits now.")]
    public static partial void FaultInjected(ILogger logger, string point, int hit);

    [LoggerMessage(15, LogLevel.Debug, "Instance {InstanceId} is still Pending in the index {Age} after it was scheduled; loading it to check.")]
    public static partial void StalePendingFound(ILogger logger, string instanceId, TimeSpan age);

    [LoggerMessage(16, LogLevel.Warning, "Instance {InstanceId} was scheduled but its start had not arrived (lost with a client or process, or still queued); starting it from its index row.")]
    public static partial void StartRecovered(ILogger logger, string instanceId);

    [LoggerMessage(17, LogLevel.Warning, "Task hub {HubName} could not be checked within {Timeout} at start; the worker checks it in the background before using any partition.")]
    public static partial void StartCheckDeferred(ILogger logger, string hubName, TimeSpan timeout);

    [LoggerMessage(14, LogLevel.Warning, "Storage call failed in the background ({Operation}); it will be retried or repaired.")]
    public static partial void BackgroundStorageFailed(ILogger logger, Exception exception, string operation);
}
