using System.Globalization;
using Microsoft.Azure.Functions.Worker;

namespace Relief.FunctionsHost.ConformanceApp.Timers;

/// <summary>A timer on <c>%TickSchedule%</c>; each run writes its occurrence and past-due flag to <c>%TickQueue%</c>.</summary>
public sealed class Tick
{
    [Function(nameof(Tick))]
    [QueueOutput("%TickQueue%")]
    public static string Run([TimerTrigger("%TickSchedule%")] TimerInfo timer) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Environment.GetEnvironmentVariable("CONFORMANCE_INSTANCE")}|{timer.IsPastDue}|{timer.ScheduleStatus?.Last:o}|{timer.ScheduleStatus?.Next:o}");
}
