using System.Text.Json;
using Relief.FunctionsHost.Timers;

namespace Relief.FunctionsHost.Tests.Timers;

public sealed class TimerTriggerValueTests
{
    [Fact]
    public void From_PastDueOccurrence_NextIsTheOccurrenceLastThePreviousRun()
    {
        var scheduled = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.FromHours(8));
        var previous = new ScheduleStatus(new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.FromHours(8)), scheduled, scheduled.AddMonths(-1));

        var value = TimerTriggerValue.From(new TimerInfo(scheduled, IsPastDue: true, IsStartupRun: false, previous), scheduled.AddHours(3));

        using var json = JsonDocument.Parse(value.Json);
        Assert.True(json.RootElement.GetProperty("IsPastDue").GetBoolean());
        Assert.Equal(scheduled, json.RootElement.GetProperty("ScheduleStatus").GetProperty("Next").GetDateTimeOffset());
        Assert.Equal(previous.Last, json.RootElement.GetProperty("ScheduleStatus").GetProperty("Last").GetDateTimeOffset());
    }

    [Fact]
    public void Every_IntervalSchedule_NextIsIntervalAfter()
    {
        var schedule = CronSchedule.Every(TimeSpan.FromMinutes(5), TimeZoneInfo.Utc);
        var at = new DateTimeOffset(2026, 12, 4, 10, 2, 3, TimeSpan.Zero);

        Assert.Equal(at.AddMinutes(5), schedule.NextAfter(at));
        Assert.Throws<FormatException>(() => CronSchedule.Every(TimeSpan.FromMilliseconds(10), TimeZoneInfo.Utc));
    }
}
