using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Relief.Durable.Metrics;

namespace Relief.Durable.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task StorageRequestCountingPolicy_OrchestrationRuns_CountsByServiceAndOperationOnMeter()
    {
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<int, int>("Two", async (ctx, n) => await ctx.CallActivityAsync<int>("Inc", n) + await ctx.CallActivityAsync<int>("Inc", n))
            .AddActivity<int, int>("Inc", (n, _) => Task.FromResult(n + 1)));
        var metrics = hub.Services.GetRequiredService<StorageRequestMetrics>();
        long observed = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == StorageRequestMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref observed, value));
        listener.Start();
        var before = metrics.Total;

        var done = await hub.RunAsync("Two", 1);
        var snapshot = metrics.Snapshot();

        Assert.Equal(4, done.ReadOutputAs<int>());
        Assert.True(metrics.Total > before);
        Assert.True(Interlocked.Read(ref observed) > 0);
        Assert.True(snapshot.GetValueOrDefault("table.insert") >= 2, "the client's index row and the first commit");
        Assert.True(snapshot.GetValueOrDefault("table.update") >= 2, "the later commits, one single-entity write each");
        Assert.True(snapshot.GetValueOrDefault("queue.receive") >= 1, "control-queue polling");
    }
}
