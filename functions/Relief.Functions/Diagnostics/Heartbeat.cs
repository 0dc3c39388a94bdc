using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Relief.Functions.Diagnostics;

/// <summary>
/// Timer (setting <c>HeartbeatSchedule</c>, 6-field CRON; default every 5 minutes): logs that the app is alive. Its
/// schedule status is kept by the host in blob storage.
/// </summary>
public sealed partial class Heartbeat(ILogger<Heartbeat> logger)
{
    /// <summary>The setting naming the schedule.</summary>
    public const string ScheduleSetting = "HeartbeatSchedule";

    [Function(nameof(Heartbeat))]
    public void Run([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        Beat(logger, timer.ScheduleStatus?.Next, timer.IsPastDue);
    }

    [LoggerMessage(1, LogLevel.Information, "Heartbeat (next {Next:o}, past due: {IsPastDue})")]
    private static partial void Beat(ILogger logger, DateTime? next, bool isPastDue);
}
