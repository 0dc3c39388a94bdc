using Microsoft.Extensions.Logging;

namespace Relief.Durable;

/// <summary>The provider's log lines (instance ids only: they carry no personal data in Relief — case ids).</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Partition {Partition} acquired by {WorkerId}")]
    public static partial void PartitionAcquired(ILogger logger, int partition, string workerId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Partition {Partition} left by {WorkerId}: {Reason}")]
    public static partial void PartitionLost(ILogger logger, int partition, string workerId, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Partition {Partition}: taking it over failed")]
    public static partial void PartitionHandlerFailed(ILogger logger, int partition, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Lease round failed; retrying")]
    public static partial void LeaseRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Control queue {Partition}: receiving failed; retrying")]
    public static partial void PollFailed(ILogger logger, int partition, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Message {MessageId} moved to the poison queue: {Reason}")]
    public static partial void Poisoned(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Instance {InstanceId}: message {MessageId} dropped ({Reason})")]
    public static partial void Dropped(ILogger logger, string instanceId, string messageId, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Instance {InstanceId}: commit conflict (another episode or host committed first); the episode is abandoned and runs again")]
    public static partial void CommitConflict(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Partition {Partition} taken over: {Starts} pending starts, {Activities} activities and {Timers} timers re-armed from {Instances} unfinished instances")]
    public static partial void TakenOver(ILogger logger, int partition, int starts, int activities, int timers, int instances);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Deleting consumed queue messages failed (they will be recognised as consumed when seen again)")]
    public static partial void DeleteFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Work-item queue: receiving failed; retrying")]
    public static partial void WorkItemPollFailed(ILogger logger, Exception exception);
}
