using Relief.Testing;
using System.Diagnostics;
using Relief.FunctionsHost.Tests.Support;

namespace Relief.FunctionsHost.Tests.Startup;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Sigterm_HostAndWorkerStopWithExitCodeZeroAndNothingLeftRunning()
    {
        var settings = new ConformanceSettings();
        var host = await HostProcess.StartAsync(settings.Values, settings.Environment);
        var worker = await host.WorkerProcessIdAsync();
        await Orchestrations.StartAsync(host.Client, "HelloSequence5");
        var clock = Stopwatch.StartNew();

        Assert.True(await host.StopAsync(TimeSpan.FromSeconds(45)), "the host did not stop on SIGTERM:\n" + host.Output);

        Assert.Equal(0, host.ExitCode);
        Assert.False(Directory.Exists($"/proc/{worker}"), "the worker outlived the host");
        Assert.Contains("Functions host stopping", host.Output, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45));
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Sigterm_QueueMessageInFlight_FinishesBeforeTheHostExits()
    {
        var settings = new ConformanceSettings();
        await using var host = await HostProcess.StartAsync(settings.Values, settings.Environment);
        await QueueProbe.SendAsync(settings.Queue("FlakyQueue"), "1");
        await Task.Delay(300); // picked up or not: both outcomes are checked below

        Assert.True(await host.StopAsync(TimeSpan.FromSeconds(45)));

        // Either the function ran (its answer is on the received queue) or the message is back on its queue.
        var received = await QueueProbe.DrainTextAsync(settings.Queue("ReceivedQueue"), TimeSpan.FromSeconds(1));
        var queue = await QueueProbe.QueueAsync(settings.Queue("FlakyQueue"));
        var left = (await queue.PeekMessagesAsync(10)).Value.Length;
        Assert.Equal(1, received.Count + left);
    }
}
