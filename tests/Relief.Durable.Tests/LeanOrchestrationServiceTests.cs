using Azure.Storage.Queues;
using DurableTask.Core;
using DurableTask.Core.Query;
using Relief.Durable.Options;
using Relief.Testing;

namespace Relief.Durable.Tests;

/// <summary>
/// The provider under the Durable Task Framework's own dispatcher (<see cref="TaskHubWorker"/>, in process) on Azurite:
/// the framework's programming model against this storage layout, without the Functions host.
/// </summary>
public sealed class LeanOrchestrationServiceTests
{
    [Fact]
    public async Task HelloSequence5_ClientInTheOwningProcess_CompletesWithOneWritePerEpisode()
    {
        var (service, worker) = await StartAsync(Hub());
        try
        {
            var client = new TaskHubClient(service);
            await Complete(client, await client.CreateOrchestrationInstanceAsync(typeof(Hello5), "warm", null));
            var before = service.Metrics.Snapshot();

            var state = await Complete(client, await client.CreateOrchestrationInstanceAsync(typeof(Hello5), "hello-1", null));

            Assert.Equal("[\"Hello Qingdao\",\"Hello Quanzhou\",\"Hello Liyang\",\"Hello Shijiazhuang\",\"Hello Jinan\"]", state.Output);
            var after = service.Metrics.Snapshot();
            long Delta(string key) => after.GetValueOrDefault(key) - before.GetValueOrDefault(key);
            // The start row, one commit per episode (start + five results), the waiter's first read: no queue at all.
            Assert.Equal(1, Delta("table.insert"));
            Assert.Equal(6, Delta("table.update"));
            Assert.Equal(0, Delta("queue.send"));
            // Everything else but the idle polls of the empty queues (their number depends on timing, not on the work).
            var idlePolls = Delta("queue.receive");
            Assert.InRange(service.Metrics.Total - before.Values.Sum() - idlePolls, 8, 9);
        }
        finally
        {
            await worker.StopAsync(true);
        }
    }

    [Fact]
    public async Task StartFromAProcessThatOwnsNoPartition_GoesThroughTheControlQueueAndCompletes()
    {
        var hub = Hub();
        var (service, worker) = await StartAsync(hub);
        using var outsider = Service(hub, "outsider");
        try
        {
            var client = new TaskHubClient(outsider);
            var instance = await client.CreateOrchestrationInstanceAsync(typeof(Hello5), "from-outside", null);

            var state = await Complete(new TaskHubClient(service), instance);

            Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
            Assert.Equal(1, outsider.Metrics.Snapshot().GetValueOrDefault("queue.send"));
        }
        finally
        {
            await worker.StopAsync(true);
        }
    }

    [Fact]
    public async Task EventForAnInstanceThatNeverExists_MovedToThePoisonQueueWithTheReason()
    {
        var hub = Hub();
        var (service, worker) = await StartAsync(hub, maxDequeueCount: 1);
        try
        {
            await new TaskHubClient(service).RaiseEventAsync(new OrchestrationInstance { InstanceId = "nobody" }, "Approval", "yes");
            var poison = new QueueClient((await AzuriteServer.Shared).ConnectionString, service.Names.PoisonQueue);

            string? body = null;
            for (var i = 0; i < 100 && body is null; i++)
            {
                var peeked = await poison.PeekMessagesAsync(1);
                body = peeked.Value.FirstOrDefault()?.Body.ToString();
                if (body is null) await Task.Delay(100);
            }

            Assert.NotNull(body);
            Assert.Contains("instance nobody does not exist or never started", body, StringComparison.Ordinal);
        }
        finally
        {
            await worker.StopAsync(true);
        }
    }

    [Fact]
    public async Task QueryAndPurge_FindCompletedByStatusAndDeleteThem()
    {
        var hub = Hub();
        var (service, worker) = await StartAsync(hub);
        try
        {
            var client = new TaskHubClient(service);
            await Complete(client, await client.CreateOrchestrationInstanceAsync(typeof(Hello5), "q-1", null));
            await Complete(client, await client.CreateOrchestrationInstanceAsync(typeof(Hello5), "q-2", null));

            var found = await service.GetOrchestrationWithQueryAsync(new OrchestrationQuery { RuntimeStatus = [OrchestrationStatus.Completed], InstanceIdPrefix = "q-" }, CancellationToken.None);
            var purged = await service.PurgeInstanceStateAsync(new PurgeInstanceFilter(DateTime.MinValue, null, [OrchestrationStatus.Completed]));

            Assert.Equal(["q-1", "q-2"], found.OrchestrationState.Select(s => s.OrchestrationInstance.InstanceId).Order());
            Assert.Equal(2, purged.DeletedInstanceCount);
            Assert.Null(await service.GetOrchestrationStateAsync("q-1", executionId: null!));
        }
        finally
        {
            await worker.StopAsync(true);
        }
    }

    [Fact]
    public async Task SecondHostOnTheSameHub_PartitionsShared()
    {
        var hub = Hub();
        using var first = Service(hub, "host-a", leaseRenew: TimeSpan.FromMilliseconds(300));
        using var second = Service(hub, "host-b", leaseRenew: TimeSpan.FromMilliseconds(300));
        await first.StartAsync();
        Assert.Equal(4, first.OwnedPartitions.Length);

        await second.StartAsync();
        for (var i = 0; i < 100 && (first.OwnedPartitions.Length != 2 || second.OwnedPartitions.Length != 2); i++) await Task.Delay(100);

        Assert.Equal(2, first.OwnedPartitions.Length);
        Assert.Equal(2, second.OwnedPartitions.Length);
        Assert.Empty(first.OwnedPartitions.Intersect(second.OwnedPartitions));
        await first.StopAsync();
        await second.StopAsync();
    }

    private static string Hub() => "Lean" + Guid.NewGuid().ToString("N")[..12];

    private static LeanOrchestrationService Service(string hub, string worker, TimeSpan? leaseRenew = null, int maxDequeueCount = 5) => new(new LeanDurableOptions
    {
        HubName = hub,
        ConnectionString = AzuriteServer.Shared.GetAwaiter().GetResult().ConnectionString,
        WorkerId = worker,
        PartitionCount = 4,
        MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
        // No lease round during a test unless asked: their requests would blur the counts.
        LeaseRenewInterval = leaseRenew ?? TimeSpan.FromMinutes(1),
        LeaseInterval = (leaseRenew ?? TimeSpan.FromMinutes(1)) * 3,
        MaxDequeueCount = maxDequeueCount,
    });

    private static async Task<(LeanOrchestrationService Service, TaskHubWorker Worker)> StartAsync(string hub, int maxDequeueCount = 5)
    {
        var service = Service(hub, "worker", maxDequeueCount: maxDequeueCount);
        await service.CreateIfNotExistsAsync();
        var worker = new TaskHubWorker(service);
        worker.AddTaskOrchestrations(typeof(Hello5));
        worker.AddTaskActivities(typeof(SayHello));
        await worker.StartAsync();
        return (service, worker);
    }

    private static async Task<OrchestrationState> Complete(TaskHubClient client, OrchestrationInstance instance)
    {
        var state = await client.WaitForOrchestrationAsync(instance, TimeSpan.FromSeconds(60));
        Assert.NotNull(state);
        Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
        return state;
    }
}

/// <summary>Five activities in sequence.</summary>
public sealed class Hello5 : TaskOrchestration<List<string>, object>
{
    public override async Task<List<string>> RunTask(OrchestrationContext context, object input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var greetings = new List<string>();
        foreach (var city in new[] { "Qingdao", "Quanzhou", "Liyang", "Shijiazhuang", "Jinan" }) greetings.Add(await context.ScheduleTask<string>(typeof(SayHello), city));
        return greetings;
    }
}

/// <summary>Greets a city.</summary>
public sealed class SayHello : TaskActivity<string, string>
{
    protected override string Execute(TaskContext context, string input) => "Hello " + input;
}
