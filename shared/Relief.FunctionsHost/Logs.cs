using Microsoft.Extensions.Logging;

namespace Relief.FunctionsHost;

/// <summary>Every log line of the local host, as structured data. Request and message bodies are never logged.</summary>
internal static partial class Logs
{
    [LoggerMessage(100, LogLevel.Information, "Starting worker {WorkerId} (process {ProcessId}, start #{Generation})")]
    public static partial void WorkerStarting(ILogger logger, string workerId, int processId, int generation);

    [LoggerMessage(101, LogLevel.Information, "[worker {WorkerId}] {Line}")]
    public static partial void WorkerOutput(ILogger logger, string workerId, string line);

    [LoggerMessage(102, LogLevel.Warning, "[worker {WorkerId} stderr] {Line}")]
    public static partial void WorkerError(ILogger logger, string workerId, string line);

    [LoggerMessage(103, LogLevel.Error, "Worker {WorkerId} stopped ({ExitCode}); invocations in flight failed; restarting it")]
    public static partial void WorkerDied(ILogger logger, string workerId, string exitCode);

    [LoggerMessage(104, LogLevel.Information, "Worker {WorkerId} restarted (process {ProcessId}); functions reloaded")]
    public static partial void WorkerRestarted(ILogger logger, string workerId, int processId);

    [LoggerMessage(105, LogLevel.Error, "Worker restart failed; trying again in {RetryDelay}")]
    public static partial void WorkerRestartFailed(ILogger logger, Exception exception, TimeSpan retryDelay);

    [LoggerMessage(106, LogLevel.Warning, "Event stream of worker {WorkerId} broke ({ErrorType})")]
    public static partial void WorkerStreamBroken(ILogger logger, string workerId, string errorType);

    [LoggerMessage(107, LogLevel.Debug, "Worker {WorkerId} sent an unmatched {MessageType}")]
    public static partial void WorkerMessageUnmatched(ILogger logger, string workerId, string messageType);

    [LoggerMessage(EventId = 108, Message = "[{Category}] {Message} (InvocationId={InvocationId}) {Error}")]
    public static partial void WorkerLog(ILogger logger, LogLevel level, string category, string invocationId, string message, string? error);

    [LoggerMessage(110, LogLevel.Information, "Functions host ready on {Address}: {FunctionCount} function(s) loaded in {StartupMs:0} ms")]
    public static partial void HostReady(ILogger logger, Uri address, int functionCount, double startupMs);

    [LoggerMessage(111, LogLevel.Information, "  {FunctionName}: {Trigger} {Detail}")]
    public static partial void FunctionListed(ILogger logger, string functionName, string trigger, string detail);

    [LoggerMessage(112, LogLevel.Critical, "The host cannot start: {Problem}")]
    public static partial void StartFailed(ILogger logger, string problem);

    [LoggerMessage(113, LogLevel.Information, "Functions host stopping: draining listeners, then the worker")]
    public static partial void HostStopping(ILogger logger);

    [LoggerMessage(120, LogLevel.Warning, "Invocation {InvocationId} of '{FunctionName}' did not finish within functionTimeout {Timeout}; cancelled")]
    public static partial void InvocationTimedOut(ILogger logger, string invocationId, string functionName, TimeSpan timeout);

    [LoggerMessage(121, LogLevel.Warning, "HTTP forwarding of invocation {InvocationId} to the worker failed: {ForwarderError}")]
    public static partial void ForwardingFailed(ILogger logger, Exception? exception, string invocationId, string forwarderError);

    [LoggerMessage(130, LogLevel.Information, "Durable work-item stream connected to the sidecar (hub {HubName})")]
    public static partial void DurablePumpConnected(ILogger logger, string hubName);

    [LoggerMessage(131, LogLevel.Warning, "Durable work-item stream dropped; reconnecting in {RetryDelay}")]
    public static partial void DurablePumpDropped(ILogger logger, Exception exception, TimeSpan retryDelay);

    [LoggerMessage(132, LogLevel.Warning, "Durable {WorkKind} for '{Name}' (instance {InstanceId}) lost its worker; running it again on the restarted worker")]
    public static partial void DurableWorkRetried(ILogger logger, string workKind, string name, string instanceId);

    [LoggerMessage(133, LogLevel.Error, "Durable {WorkKind} for '{Name}' (instance {InstanceId}) could not be completed at the sidecar")]
    public static partial void DurableCompleteFailed(ILogger logger, Exception exception, string workKind, string name, string instanceId);
}
