using Relief.Testing;
using System.Globalization;
using Relief.FunctionsHost.Tests.Support;

namespace Relief.FunctionsHost.Tests.Timers;

/// <summary>Timer triggers through real host processes sharing one storage account (real time, short schedules).</summary>
public sealed class TimerTriggerTests
{
    [Fact]
    public async Task Timer_EveryTwoSeconds_FiresOnScheduleNotPastDue()
    {
        var settings = new ConformanceSettings("*/2 * * * * *");
        await using var host = await HostProcess.StartAsync(settings.Values, settings.Environment);

        var ticks = Parse(await QueueProbe.DrainTextAsync(settings.Queue("TickQueue"), TimeSpan.FromSeconds(9)));

        Assert.True(ticks.Count >= 3, $"{ticks.Count} ticks in 9 s");
        Assert.All(ticks, t => Assert.False(t.IsPastDue));
        Assert.All(ticks, t => Assert.Equal(0, t.Next.Second % 2));
        Assert.Equal(ticks.Count, ticks.Select(t => t.Next).Distinct().Count());
    }

    [Fact]
    public async Task Timer_OccurrencesMissedWhileNoHostRan_RunOncePastDueAfterRestart()
    {
        var settings = new ConformanceSettings("*/3 * * * * *");
        var first = await HostProcess.StartAsync(settings.Values, settings.Environment);
        Assert.NotEmpty(await QueueProbe.DrainTextAsync(settings.Queue("TickQueue"), TimeSpan.FromSeconds(5)));
        Assert.True(await first.StopAsync(TimeSpan.FromSeconds(30)), "the first host did not stop on SIGTERM");
        await first.DisposeAsync();
        await QueueProbe.DrainTextAsync(settings.Queue("TickQueue"), TimeSpan.FromSeconds(1));

        await Task.Delay(TimeSpan.FromSeconds(8)); // at least two occurrences pass with no host running
        await using var second = await HostProcess.StartAsync(settings.Values, settings.Environment);
        var ticks = Parse(await QueueProbe.DrainTextAsync(settings.Queue("TickQueue"), TimeSpan.FromSeconds(6)));

        Assert.Single(ticks, t => t.IsPastDue);
        Assert.True(ticks[0].IsPastDue, "the past-due run comes first");
        Assert.Contains(ticks, t => !t.IsPastDue);
    }

    [Fact]
    public async Task Timer_TwoHostProcessesShareStorage_EachOccurrenceRunsOnce()
    {
        var settings = new ConformanceSettings("*/2 * * * * *");
        var environmentA = new Dictionary<string, string>(settings.Environment) { ["CONFORMANCE_INSTANCE"] = "A" };
        var environmentB = new Dictionary<string, string>(settings.Environment) { ["CONFORMANCE_INSTANCE"] = "B" };
        await using var a = await HostProcess.StartAsync(settings.Values, environmentA);
        await using var b = await HostProcess.StartAsync(settings.Values, environmentB);

        var ticks = Parse(await QueueProbe.DrainTextAsync(settings.Queue("TickQueue"), TimeSpan.FromSeconds(12)));

        Assert.True(ticks.Count >= 4, $"{ticks.Count} ticks in 12 s");
        var duplicates = ticks.GroupBy(t => t.Next).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "occurrences run twice: " + string.Join(", ", duplicates));
    }

    [Fact]
    public async Task Timer_RunOnStartup_RunsOnceWhenTheHostStarts()
    {
        var settings = new ConformanceSettings();
        await using var host = await HostProcess.StartAsync(settings.Values, settings.Environment);

        var ticks = await QueueProbe.DrainTextAsync(settings.Queue("TickQueue"), TimeSpan.FromSeconds(4));

        Assert.Single(ticks, t => t.StartsWith("startup|", StringComparison.Ordinal));
    }

    private static List<Tick> Parse(IEnumerable<string> lines) => [.. lines.Where(line => !line.StartsWith("startup|", StringComparison.Ordinal)).Select(line =>
    {
        var parts = line.Split('|');
        return new Tick(parts[0], bool.Parse(parts[1]), DateTime.Parse(parts[3], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    })];

    private sealed record Tick(string Instance, bool IsPastDue, DateTime Next);
}
