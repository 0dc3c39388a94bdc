using System.Text.Json;
using Relief.FunctionsHost.Invocations;
using Relief.FunctionsHost.Rpc;
using Relief.FunctionsHost.Timers;

namespace Relief.FunctionsHost.Timers;

/// <summary>The timer trigger's value as the worker's <c>TimerInfo</c> reads it. As under the Functions host,
/// <c>ScheduleStatus.Next</c> is the occurrence being run and <c>Last</c> the one before it.</summary>
internal static class TimerTriggerValue
{
    public static TypedData From(TimerInfo timer, DateTimeOffset now) => TypedDataValues.Json(JsonSerializer.Serialize(new
    {
        Schedule = new { AdjustForDST = true },
        ScheduleStatus = new
        {
            Last = timer.ScheduleStatus?.Last ?? DateTimeOffset.MinValue,
            Next = timer.ScheduledTime,
            LastUpdated = timer.ScheduleStatus?.LastUpdated ?? now,
        },
        timer.IsPastDue,
    }));
}
