using Microsoft.Extensions.Logging;
using Relief.Hosting.Invocations;
using Relief.Hosting.Timers;

namespace Relief.Functions.Diagnostics;

/// <summary>Timer, every 5 minutes: logs that the app is alive (its schedule status is kept in blob storage).</summary>
public sealed partial class Heartbeat(ILogger<Heartbeat> logger) : ITimerFunction
{
    public Task RunAsync(TimerInfo timer, FunctionContext context, CancellationToken cancellationToken)
    {
        Beat(logger, timer.ScheduledTime, timer.IsPastDue);
        return Task.CompletedTask;
    }

    [LoggerMessage(1, LogLevel.Information, "Heartbeat for {ScheduledTime:o} (past due: {IsPastDue})")]
    private static partial void Beat(ILogger logger, DateTimeOffset scheduledTime, bool isPastDue);
}
