using System.Text.Json;
using Azure.Storage.Queues;
using Relief.Durable.Core;
using Relief.Durable.Storage;

namespace Relief.Durable.Tests;

/// <summary>At-least-once queues: duplicates and stale messages must not change an instance.</summary>
public sealed class DeliveryTests
{
    private static Task<TestHub> StartAsync() => TestHub.StartAsync(d => d
        .AddOrchestrator<string?, int>("SumTwo", async (ctx, _) =>
        {
            ctx.SetCustomStatus("waiting-first");
            var a = await ctx.WaitForExternalEvent<int>("n");
            ctx.SetCustomStatus("waiting-second");
            var b = await ctx.WaitForExternalEvent<int>("n");
            return a + b;
        }));

    private static async Task SendRawAsync(TestHub hub, string instanceId, TaskMessage message)
    {
        var queue = new QueueClient(hub.ConnectionString, $"{hub.HubName.ToLowerInvariant()}-control-{PartitionHash.PartitionOf(instanceId, 2):D2}");
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, JsonData.Options));
    }

    private static TaskMessage Event(string id, string instanceId, string? executionId, int value) => new()
    {
        Id = id,
        InstanceId = instanceId,
        ExecutionId = executionId,
        Event = new HistoryEvent { Type = HistoryEventType.EventRaised, Name = "n", Input = value.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    [Fact]
    public async Task ControlMessage_DeliveredTwice_IsAppliedOnce()
    {
        await using var hub = await StartAsync();
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("SumTwo");
        await hub.Client.WaitForInstanceAsync(id, m => m.ReadCustomStatusAs<string>() == "waiting-first", TestHub.Guard());

        await SendRawAsync(hub, id, Event("dup-1", id, null, 1));
        await SendRawAsync(hub, id, Event("dup-1", id, null, 1));
        await hub.Client.WaitForInstanceAsync(id, m => m.ReadCustomStatusAs<string>() == "waiting-second", TestHub.Guard());
        await hub.Client.RaiseEventAsync(id, "n", 10);
        var done = await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());

        Assert.Equal(11, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task ControlMessage_ForAnotherExecution_IsDropped()
    {
        await using var hub = await StartAsync();
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("SumTwo");
        await hub.Client.WaitForInstanceAsync(id, m => m.ReadCustomStatusAs<string>() == "waiting-first", TestHub.Guard());

        await SendRawAsync(hub, id, Event("stale-1", id, "an-earlier-execution", 100));
        await hub.Client.RaiseEventAsync(id, "n", 1);
        await hub.Client.WaitForInstanceAsync(id, m => m.ReadCustomStatusAs<string>() == "waiting-second", TestHub.Guard());
        await hub.Client.RaiseEventAsync(id, "n", 2);
        var done = await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());

        Assert.Equal(3, done.ReadOutputAs<int>());
        Assert.DoesNotContain(await hub.Client.GetHistoryAsync(id), e => e.MessageId == "stale-1");
    }

    [Fact]
    public async Task ActivityResult_ForTaskNotYetScheduled_IsDeferredNotLost()
    {
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<string?, string>("GateThenCall", async (ctx, _) =>
            {
                ctx.SetCustomStatus("gate");
                await ctx.WaitForExternalEvent<string>("open");
                return await ctx.CallActivityAsync<string>("Never", null);
            }), configure: o => o.LocalActivityBacklog = 0);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("GateThenCall");
        var running = await hub.Client.WaitForInstanceAsync(id, m => m.SerializedCustomStatus is not null, TestHub.Guard());

        // The result of task #0 arrives before the orchestrator has scheduled it (out of order).
        await SendRawAsync(hub, id, new TaskMessage
        {
            Id = "early-result", InstanceId = id, ExecutionId = running.ExecutionId,
            Event = new HistoryEvent { Type = HistoryEventType.TaskCompleted, TaskId = 0, Name = "Never", Result = "\"early\"" },
        });
        await hub.Client.RaiseEventAsync(id, "open", "now");
        var done = await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());

        Assert.Equal("early", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WorkItem_ActivityLongerThanVisibilityTimeout_RunsOnce()
    {
        var runs = 0;
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<string?, int>("Slow", (ctx, _) => ctx.CallActivityAsync<int>("SlowAgencyCall", null))
            .AddActivity<string?, int>("SlowAgencyCall", async (_, ct) =>
            {
                var n = Interlocked.Increment(ref runs);
                await Task.Delay(TimeSpan.FromSeconds(4), ct); // twice the visibility timeout below
                return n;
            }),
            configure: o => { o.LocalActivityBacklog = 0; o.MessageVisibilityTimeout = TimeSpan.FromSeconds(2); });

        var done = await hub.RunAsync("Slow");

        Assert.Equal(1, done.ReadOutputAs<int>());
        Assert.Equal(1, runs);
    }
}
