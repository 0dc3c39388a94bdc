using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Relief.Durable.Core;
using Relief.Durable.Storage;

namespace Relief.Durable.Tests;

/// <summary>
/// A start is the client's index row (written first, the conflict check) plus a start message (or an
/// in-process hand-over). A client that dies between the two must not leave the instance Pending forever.
/// </summary>
public sealed class PendingStartTests
{
    private static Task<TestHub> StartAsync() => TestHub.StartAsync(d => d
            .AddOrchestrator<string?, string>("Gate", (ctx, _) => ctx.WaitForExternalEvent<string>("go"))
            .AddOrchestrator<string, string>("Greet", (ctx, name) => ctx.CallActivityAsync<string>("Hello", name))
            .AddActivity<string, string>("Hello", (name, _) => Task.FromResult("hello " + name)),
        configure: o => o.PendingStartTimeout = TimeSpan.FromMilliseconds(300));

    /// <summary>An id in the same partition as <paramref name="instanceId"/>.</summary>
    private static string Neighbour(string instanceId, string prefix) =>
        Enumerable.Range(0, 1000).Select(i => $"{prefix}-{i}").First(id => PartitionHash.PartitionOf(id, 2) == PartitionHash.PartitionOf(instanceId, 2));

    /// <summary>Waits until the partition of <paramref name="instanceId"/> is polled (its take-over scan is over).</summary>
    private static async Task WaitUntilPolledAsync(TestHub hub, string instanceId)
    {
        var gate = Neighbour(instanceId, "gate");
        await hub.Client.ScheduleNewOrchestrationInstanceAsync("Gate", null, new StartOrchestrationOptions(gate));
        await hub.Client.RaiseEventAsync(gate, "go", "now"); // delivered through the control queue
        await hub.Client.WaitForInstanceCompletionAsync(gate, false, TestHub.Guard());
    }

    [Fact]
    public async Task ScheduleNew_ClientDiesAfterIndexRowBeforeStartMessage_OwnerStartsItOnceFromTheRow()
    {
        await using var hub = await StartAsync();
        const string id = "orphaned-start";
        await WaitUntilPolledAsync(hub, id);
        var storage = hub.Services.GetRequiredService<DurableStorage>();
        const string executionId = "0123456789abcdef0123456789abcdef";

        // What a client does first; it "dies" before sending the start message.
        await new InstanceIndexStore(storage).InsertPendingAsync(id, "Greet", null, executionId, "\"Ada\"", DateTimeOffset.UtcNow, CancellationToken.None);
        var done = await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("hello Ada", done.ReadOutputAs<string>());
        Assert.Equal(executionId, done.ExecutionId);
        Assert.Single(await hub.Client.GetHistoryAsync(id), e => e.Type == HistoryEventType.ExecutionStarted);
        await Assert.ThrowsAsync<InstanceAlreadyExistsException>(() =>
            hub.Client.ScheduleNewOrchestrationInstanceAsync("Greet", "Bob", new StartOrchestrationOptions(id)));
    }

    [Fact]
    public async Task ScheduleNew_StartMessageArrivesAfterRecovery_IsDroppedAndInstanceRunsOnce()
    {
        await using var hub = await StartAsync();
        const string id = "late-start";
        await WaitUntilPolledAsync(hub, id);
        var storage = hub.Services.GetRequiredService<DurableStorage>();
        const string executionId = "fedcba9876543210fedcba9876543210";
        var created = DateTimeOffset.UtcNow;
        await new InstanceIndexStore(storage).InsertPendingAsync(id, "Greet", null, executionId, "\"Ada\"", created, CancellationToken.None);
        await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());

        // The "dead" client was only slow: its start message arrives now.
        var queue = new QueueClient(hub.ConnectionString, $"{hub.HubName.ToLowerInvariant()}-control-{PartitionHash.PartitionOf(id, 2):D2}");
        await queue.SendMessageAsync(JsonSerializer.Serialize(new TaskMessage
        {
            Id = "start-" + executionId, InstanceId = id, ExecutionId = executionId,
            Event = new HistoryEvent { Type = HistoryEventType.ExecutionStarted, Name = "Greet", Input = "\"Ada\"", ExecutionId = executionId, Timestamp = created.UtcDateTime },
        }, JsonData.Options));
        var guard = TestHub.Guard();
        while ((await queue.GetPropertiesAsync(guard)).Value.ApproximateMessagesCount > 0) await Task.Delay(50, guard);

        var history = await hub.Client.GetHistoryAsync(id);
        Assert.Single(history, e => e.Type == HistoryEventType.ExecutionStarted);
        Assert.Single(history, e => e.Type == HistoryEventType.TaskScheduled);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await hub.Client.GetInstanceAsync(id))?.RuntimeStatus);
        Assert.Empty(await hub.Client.GetQuarantinedMessagesAsync());
    }
}
