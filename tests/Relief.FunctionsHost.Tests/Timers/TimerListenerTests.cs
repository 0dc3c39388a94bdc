using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Relief.FunctionsHost.Tests.Support;
using Relief.FunctionsHost.Timers;
using Relief.Testing;

namespace Relief.FunctionsHost.Tests.Timers;

public sealed class TimerListenerTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static async Task<ListenerHost> StartAsync(
        string hostId, FakeTimeProvider time, TimerProbe probe, string schedule, string name = "host-a",
        bool runOnStartup = false, LogCapture? logs = null)
    {
        var azurite = await AzuriteServer.Shared;
        var host = ListenerHost.Build(azurite.ConnectionString, time: time, hostId: hostId, logs: logs?.Tagged(name),
            services: s => s.AddSingleton(probe).AddSingleton(new HostName(name)));
        host.Timer<ProbeTimerFunction>(schedule, runOnStartup, name: "Probe");
        await host.StartAsync();
        return host;
    }

    private static async Task<ScheduleStatus?> ReadStatusAsync(string hostId)
    {
        var azurite = await AzuriteServer.Shared;
        var blob = new BlobClient(azurite.ConnectionString, "azure-webjobs-hosts", ScheduleStatusStore.BlobName(hostId, "Probe"));
        if (!(await blob.ExistsAsync()).Value) return null;
        return (await blob.DownloadContentAsync()).Value.Content.ToObjectFromJson<ScheduleStatus>(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }

    private static string NewHostId() => UniqueNames.Queue("h")[..20];

    [Fact]
    public async Task Timer_FakeClockReachesOccurrence_FiresOnceOnScheduleInChinaTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 59, 50, China));
        var probe = new TimerProbe(time);
        var hostId = NewHostId();
        await using var host = await StartAsync(hostId, time, probe, "0 0 9 * * *");

        await Eventually.AdvanceUntilAsync(time, TimeSpan.FromSeconds(1), () => Task.FromResult(!probe.Runs.IsEmpty), "09:00 occurrence");
        await Eventually.TrueAsync(async () => (await ReadStatusAsync(hostId))?.Last is not null, "status written");

        var run = Assert.Single(probe.Runs);
        var nine = new DateTimeOffset(2026, 1, 5, 9, 0, 0, China);
        Assert.Equal(nine, run.Timer.ScheduledTime);
        Assert.Equal(China, run.Timer.ScheduledTime.Offset);
        Assert.False(run.Timer.IsPastDue);
        // Not early; the fake clock keeps stepping while the host takes the lease, so allow a little late.
        Assert.InRange(run.At, nine, nine.AddSeconds(30));
        var status = await ReadStatusAsync(hostId);
        Assert.Equal(nine, status!.Last);
        Assert.Equal(nine.AddDays(1), status.Next);
    }

    [Fact]
    public async Task Timer_OccurrenceMissedDuringDowntime_RunsOnceWithIsPastDue()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 59, 50, China));
        var hostId = NewHostId();
        var before = new TimerProbe(time);
        var first = await StartAsync(hostId, time, before, "0 0 * * * *");
        await Eventually.TrueAsync(async () => (await ReadStatusAsync(hostId)) is not null, "initial status");
        await first.StopAsync();
        await first.DisposeAsync();

        // Down from 08:59:50 to 12:30: the 09:00, 10:00, 11:00 and 12:00 occurrences are missed.
        time.SetUtcNow(new DateTimeOffset(2026, 1, 5, 12, 30, 0, China));
        var logs = new LogCapture();
        var after = new TimerProbe(time);
        await using var second = await StartAsync(hostId, time, after, "0 0 * * * *", logs: logs);

        await Eventually.TrueAsync(() => logs.Entries.Any(e => e.EventId.Id == 20), "listener scheduled after start-up work");
        var run = Assert.Single(after.Runs);
        Assert.True(run.Timer.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 0, 0, China), run.Timer.ScheduledTime);
        Assert.Empty(before.Runs);
        var status = await ReadStatusAsync(hostId);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 13, 0, 0, China), status!.Next);

        // And the schedule goes on normally, not past due.
        await Eventually.AdvanceUntilAsync(time, TimeSpan.FromMinutes(1), () => Task.FromResult(after.Runs.Count == 2), "13:00 occurrence");
        Assert.False(after.Runs.Last().Timer.IsPastDue);
    }

    [Fact]
    public async Task Timer_TwoHostsShareStorage_EachOccurrenceRunsOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 59, 55, China));
        var hostId = NewHostId();
        var probe = new TimerProbe(time);
        var logs = new LogCapture();
        await using var a = await StartAsync(hostId, time, probe, "*/10 * * * * *", "host-a", logs: logs);
        await using var b = await StartAsync(hostId, time, probe, "*/10 * * * * *", "host-b", logs: logs);
        var occurrences = Enumerable.Range(0, 3).Select(i => new DateTimeOffset(2026, 1, 5, 9, 0, 0, China).AddSeconds(10 * i)).ToArray();

        int Decisions(DateTimeOffset at) =>
            probe.Runs.Count(r => r.Timer.ScheduledTime == at) +
            logs.Entries.Count(e => e.EventId.Id == 21 && Equals(e.Values["ScheduledTime"], at));

        // Move the fake clock only as fast as both hosts keep up: never past the next occurrence before both
        // have decided the current one (a loaded machine must not turn this into a race with the test).
        foreach (var occurrence in occurrences)
        {
            await Eventually.AdvanceUntilAsync(time, TimeSpan.FromMilliseconds(500),
                () => Task.FromResult(Decisions(occurrence) >= 2), $"both hosts decided on {occurrence:HH:mm:ss}",
                notAfter: occurrence.AddSeconds(9));
        }

        foreach (var occurrence in occurrences)
        {
            Assert.Equal(1, probe.Runs.Count(r => r.Timer.ScheduledTime == occurrence));
        }

        Assert.All(probe.Runs, r => Assert.False(r.Timer.IsPastDue));
    }

    [Fact]
    public async Task Timer_OccurrenceMonthsAway_WaitedForInSlicesAndRunsOnce()
    {
        // 147 days ahead: more than one timer can wait at once (~49.7 days); the listener must not fail.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, China));
        var probe = new TimerProbe(time);
        var hostId = NewHostId();
        await using var host = await StartAsync(hostId, time, probe, "0 0 9 1 6 *");
        var june = new DateTimeOffset(2026, 6, 1, 9, 0, 0, China);

        // The clock stops at the occurrence (147 days = 294 steps of 12 h): were it moved on while the listener is
        // still invoking, the run's clock reading would measure the test's steps, not the listener.
        await Eventually.AdvanceUntilAsync(time, TimeSpan.FromHours(12), () => Task.FromResult(!probe.Runs.IsEmpty), "the 1 June occurrence", notAfter: june);

        var run = Assert.Single(probe.Runs);
        Assert.Equal(june, run.Timer.ScheduledTime);
        Assert.False(run.Timer.IsPastDue);
        Assert.Equal(june, run.At);
    }

    [Fact]
    public async Task Timer_RunOnStartup_RunsOnceAtStart()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 0, 0, China));
        var probe = new TimerProbe(time);
        var hostId = NewHostId();
        await using var host = await StartAsync(hostId, time, probe, "0 0 0 1 1 *", runOnStartup: true);

        await Eventually.TrueAsync(() => !probe.Runs.IsEmpty, "startup run");
        var run = Assert.Single(probe.Runs);
        Assert.True(run.Timer.IsStartupRun);
        Assert.False(run.Timer.IsPastDue);
    }

    [Theory]
    [InlineData("China Standard Time")]
    [InlineData("Asia/Shanghai")]
    public void TimeZones_ChinaIds_ResolveToUtcPlus8(string id)
    {
        Assert.True(TimeZones.TryResolve(id, out var zone));
        Assert.Equal(TimeSpan.FromHours(8), zone.GetUtcOffset(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(8), zone.GetUtcOffset(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("0 9 * * *", "has 5 fields")]
    [InlineData("0 0 25 * * *", "not a valid CRON")]
    public void CronSchedule_NotSixValidFields_FailsWithExplanation(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => CronSchedule.Parse(text, TimeZones.ChinaStandardTime));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CronSchedule_NineOClockChina_NextIsOneAmUtc()
    {
        var schedule = CronSchedule.Parse("0 0 9 * * *", TimeZones.ChinaStandardTime);

        var next = schedule.NextAfter(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero), next);
    }
}
