using Relief.Durable.Core;

namespace Relief.Durable.Tests;

public sealed class EventTests
{
    private static Task<TestHub> StartAsync() => TestHub.StartAsync(d => d
        .AddOrchestrator<string?, string>("TwoEvents", async (ctx, _) =>
        {
            ctx.SetCustomStatus("waiting-A");
            var a = await ctx.WaitForExternalEvent<string>("A");
            ctx.SetCustomStatus("waiting-B");
            var b = await ctx.WaitForExternalEvent<string>("B");
            return a + b;
        }));

    [Fact]
    public async Task WaitForExternalEvent_RaisedAfterWait_Completes()
    {
        await using var hub = await StartAsync();
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("TwoEvents");
        await hub.Client.WaitForInstanceAsync(id, m => m.ReadCustomStatusAs<string>() == "waiting-A", TestHub.Guard());

        await hub.Client.RaiseEventAsync(id, "A", "1");
        await hub.Client.WaitForInstanceAsync(id, m => m.ReadCustomStatusAs<string>() == "waiting-B", TestHub.Guard());
        await hub.Client.RaiseEventAsync(id, "B", "2");
        var done = await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());

        Assert.Equal("12", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_RaisedBeforeWait_IsBufferedAndDelivered()
    {
        await using var hub = await StartAsync();
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("TwoEvents");
        await hub.Client.WaitForInstanceAsync(id, m => m.ReadCustomStatusAs<string>() == "waiting-A", TestHub.Guard());

        await hub.Client.RaiseEventAsync(id, "B", "2");
        // B is recorded in history while the orchestrator still waits for A: it is buffered.
        await WaitForHistoryAsync(hub, id, h => h.Any(e => e.Type == HistoryEventType.EventRaised && e.Name == "B"));
        Assert.Equal("waiting-A", (await hub.Client.GetInstanceAsync(id))?.ReadCustomStatusAs<string>());
        await hub.Client.RaiseEventAsync(id, "A", "1");
        var done = await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());

        Assert.Equal("12", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task GetInstanceAsync_CustomStatusSet_ClientSeesIt()
    {
        await using var hub = await StartAsync();
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("TwoEvents", null, new StartOrchestrationOptions("status-1"));

        var seen = await hub.Client.WaitForInstanceAsync(id, m => m.SerializedCustomStatus is not null, TestHub.Guard());

        Assert.Equal("waiting-A", seen.ReadCustomStatusAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Running, seen.RuntimeStatus);
        Assert.Equal("TwoEvents", seen.Name);
    }

    [Fact]
    public async Task ContinueAsNew_WithBufferedEvents_CarriesThemIntoNextExecutions()
    {
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<int[], int>("Counter", async (ctx, state) =>
            {
                var (sum, round) = (state[0], state[1]);
                if (round == 3) return sum;
                if (round == 0)
                {
                    ctx.SetCustomStatus("waiting-go");
                    await ctx.WaitForExternalEvent<string>("go");
                }
                var n = await ctx.WaitForExternalEvent<int>("num");
                ctx.ContinueAsNew(new[] { sum + n, round + 1 }, preserveUnprocessedEvents: true);
                return -1;
            }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Counter", new[] { 0, 0 });
        await hub.Client.WaitForInstanceAsync(id, m => m.ReadCustomStatusAs<string>() == "waiting-go", TestHub.Guard());

        foreach (var n in new[] { 1, 2, 3 }) await hub.Client.RaiseEventAsync(id, "num", n);
        await WaitForHistoryAsync(hub, id, h => h.Count(e => e.Type == HistoryEventType.EventRaised) == 3);
        await hub.Client.RaiseEventAsync(id, "go", "now");
        var done = await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(6, done.ReadOutputAs<int>());
        Assert.Equal(new[] { 6, 3 }, done.ReadInputAs<int[]>());
    }

    internal static async Task WaitForHistoryAsync(TestHub hub, string id, Func<IReadOnlyList<HistoryEvent>, bool> condition)
    {
        var guard = TestHub.Guard();
        while (!condition(await hub.Client.GetHistoryAsync(id, guard)))
            await Task.Delay(50, guard);
    }
}
