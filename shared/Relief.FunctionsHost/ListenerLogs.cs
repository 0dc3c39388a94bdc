using Microsoft.Extensions.Logging;
using Relief.FunctionsHost.Invocations;
using Relief.FunctionsHost.Queues;

namespace Relief.FunctionsHost;

/// <summary>
/// Every log line of the host, as structured data. Message bodies, request bodies and personal data are
/// never logged: only function names, ids, counts, times and outcomes.
/// </summary>
internal static partial class ListenerLogs
{
    [LoggerMessage(1, LogLevel.Information, "Executed '{FunctionName}' ({Outcome}, Id={InvocationId}, Trigger={Trigger}, Duration={DurationMs:0.#}ms)")]
    public static partial void InvocationCompleted(ILogger logger, string functionName, string invocationId, TriggerKind trigger, double durationMs, InvocationOutcome outcome);

    [LoggerMessage(2, LogLevel.Error, "Executed '{FunctionName}' ({Outcome}, Id={InvocationId}, Trigger={Trigger}, Duration={DurationMs:0.#}ms)")]
    public static partial void InvocationFailed(ILogger logger, Exception? exception, string functionName, string invocationId, TriggerKind trigger, double durationMs, InvocationOutcome outcome);

    [LoggerMessage(10, LogLevel.Information, "Queue function '{FunctionName}' listening on queue '{QueueName}'")]
    public static partial void QueueListenerStarted(ILogger logger, string functionName, string queueName);

    [LoggerMessage(11, LogLevel.Warning, "Polling queue '{QueueName}' failed; retrying in {RetryDelay}")]
    public static partial void QueuePollFailed(ILogger logger, Exception exception, string queueName, TimeSpan retryDelay);

    [LoggerMessage(12, LogLevel.Warning, "Message {MessageId} of '{FunctionName}' failed on attempt {DequeueCount} of {MaxDequeueCount}; visible again in {VisibilityTimeout}")]
    public static partial void QueueMessageWillRetry(ILogger logger, string functionName, string messageId, long dequeueCount, int maxDequeueCount, TimeSpan visibilityTimeout);

    [LoggerMessage(13, LogLevel.Error, "Message {MessageId} of '{FunctionName}' moved to '{PoisonQueue}' after {DequeueCount} attempt(s): {PoisonReason}")]
    public static partial void QueueMessagePoisoned(ILogger logger, string functionName, string messageId, string poisonQueue, long dequeueCount, PoisonReason poisonReason);

    [LoggerMessage(14, LogLevel.Information, "Message {MessageId} of '{FunctionName}' released (visible again) because the host is stopping")]
    public static partial void QueueMessageReleased(ILogger logger, string functionName, string messageId);

    [LoggerMessage(15, LogLevel.Warning, "Message {MessageId} of '{FunctionName}': storage call '{Operation}' failed; the message becomes visible again when its lease ends")]
    public static partial void QueueMessageSettleFailed(ILogger logger, Exception exception, string functionName, string messageId, string operation);

    [LoggerMessage(16, LogLevel.Information, "Queue function '{FunctionName}' stopping: waiting for {InFlight} invocation(s)")]
    public static partial void QueueListenerStopping(ILogger logger, string functionName, int inFlight);

    [LoggerMessage(17, LogLevel.Warning, "Queue function '{FunctionName}' stop timed out: cancelling {InFlight} invocation(s); their messages are released")]
    public static partial void QueueListenerStopTimedOut(ILogger logger, string functionName, int inFlight);

    [LoggerMessage(18, LogLevel.Information, "Message {MessageId} of '{FunctionName}' moved to '{PoisonQueue}'; its record is in blob '{BlobName}' (too large for a queue message)")]
    public static partial void PoisonRecordInBlob(ILogger logger, string functionName, string messageId, string poisonQueue, string blobName);

    [LoggerMessage(20, LogLevel.Information, "Timer function '{FunctionName}' scheduled '{Schedule}'; next occurrence {Next:o}")]
    public static partial void TimerListenerStarted(ILogger logger, string functionName, string schedule, DateTimeOffset? next);

    [LoggerMessage(21, LogLevel.Information, "Timer function '{FunctionName}' occurrence {ScheduledTime:o} not run here: {SkipReason}")]
    public static partial void TimerOccurrenceSkipped(ILogger logger, string functionName, DateTimeOffset scheduledTime, string skipReason);

    [LoggerMessage(22, LogLevel.Error, "Timer function '{FunctionName}': storage failed while handling occurrence {ScheduledTime:o}")]
    public static partial void TimerStorageFailed(ILogger logger, Exception exception, string functionName, DateTimeOffset scheduledTime);

    [LoggerMessage(23, LogLevel.Warning, "Timer function '{FunctionName}' missed occurrence {ScheduledTime:o} while no host ran; running it once now (IsPastDue)")]
    public static partial void TimerPastDue(ILogger logger, string functionName, DateTimeOffset scheduledTime);

    [LoggerMessage(30, LogLevel.Critical, "The host cannot start: {Problem}")]
    public static partial void HostConfigurationInvalid(ILogger logger, string problem);

    [LoggerMessage(31, LogLevel.Warning, "Storage is not reachable ({ErrorType})")]
    public static partial void StorageUnreachable(ILogger logger, string errorType);
}
