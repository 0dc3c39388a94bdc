using Azure.Storage.Queues;
using Relief.Durable.Core;

namespace Relief.Durable.Tests;

public sealed class ManagementTests
{
    private static Task<TestHub> StartAsync() => TestHub.StartAsync(d => d
        .AddOrchestrator<string?, string>("WaitOne", async (ctx, _) =>
        {
            ctx.SetCustomStatus("waiting");
            return await ctx.WaitForExternalEvent<string>("go");
        }));

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_ExistingInstanceId_ThrowsConflict()
    {
        await using var hub = await StartAsync();
        await hub.Client.ScheduleNewOrchestrationInstanceAsync("WaitOne", null, new StartOrchestrationOptions("case-42"));

        var ex = await Assert.ThrowsAsync<InstanceAlreadyExistsException>(() =>
            hub.Client.ScheduleNewOrchestrationInstanceAsync("WaitOne", null, new StartOrchestrationOptions("case-42")));

        Assert.Equal("case-42", ex.InstanceId);
    }

    [Fact]
    public async Task TerminateInstanceAsync_WaitingInstance_IsTerminatedWithReason()
    {
        await using var hub = await StartAsync();
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("WaitOne");
        await hub.Client.WaitForInstanceAsync(id, m => m.SerializedCustomStatus is not null, TestHub.Guard());

        await hub.Client.TerminateInstanceAsync(id, "withdrawn by applicant");
        var done = await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("withdrawn by applicant", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task TerminateInstanceAsync_ParentWithRunningSubOrchestrations_TerminatesThemRecursively()
    {
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<string?, string>("Parent", async (ctx, _) =>
            {
                var done = await ctx.CallSubOrchestratorAsync<string>("Quick", null, new SubOrchestrationOptions(ctx.InstanceId + "-quick"));
                var a = ctx.CallSubOrchestratorAsync<string>("Middle", null, new SubOrchestrationOptions(ctx.InstanceId + "-a"));
                var b = ctx.CallSubOrchestratorAsync<string>("Leaf", null, new SubOrchestrationOptions(ctx.InstanceId + "-b"));
                return done + string.Join(",", await Task.WhenAll(a, b));
            })
            .AddOrchestrator<string?, string>("Quick", (_, _) => Task.FromResult("quick"))
            .AddOrchestrator<string?, string>("Middle", (ctx, _) => ctx.CallSubOrchestratorAsync<string>("Leaf", null, new SubOrchestrationOptions(ctx.InstanceId + "-leaf")))
            .AddOrchestrator<string?, string>("Leaf", async (ctx, _) =>
            {
                ctx.SetCustomStatus("waiting");
                return await ctx.WaitForExternalEvent<string>("go");
            }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Parent", null, new StartOrchestrationOptions("household-7"));
        string[] leaves = ["household-7-b", "household-7-a-leaf"];
        foreach (var leaf in leaves) await hub.Client.WaitForInstanceAsync(leaf, m => m.SerializedCustomStatus is not null, TestHub.Guard());

        await hub.Client.TerminateInstanceAsync(id, "household moved away");
        var terminated = new List<OrchestrationMetadata>();
        foreach (var instance in new[] { id, "household-7-a", "household-7-b", "household-7-a-leaf" })
            terminated.Add(await hub.Client.WaitForInstanceCompletionAsync(instance, true, TestHub.Guard()));
        var quick = await hub.Client.GetInstanceAsync("household-7-quick", getInputsAndOutputs: true);

        Assert.All(terminated, m => Assert.Equal((OrchestrationRuntimeStatus.Terminated, "household moved away"), (m.RuntimeStatus, m.ReadOutputAs<string>())));
        Assert.Equal((OrchestrationRuntimeStatus.Completed, "quick"), (quick?.RuntimeStatus, quick?.ReadOutputAs<string>()));
    }

    [Fact]
    public async Task SuspendInstanceAsync_EventWhileSuspended_AppliedOnlyAfterResume()
    {
        await using var hub = await StartAsync();
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("WaitOne");
        await hub.Client.WaitForInstanceAsync(id, m => m.SerializedCustomStatus is not null, TestHub.Guard());

        await hub.Client.SuspendInstanceAsync(id, "audit");
        await hub.Client.WaitForInstanceAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended, TestHub.Guard());
        await hub.Client.RaiseEventAsync(id, "go", "approved");
        await EventTests.WaitForHistoryAsync(hub, id, h => h.Any(e => e.Type == HistoryEventType.EventRaised));
        var whileSuspended = await hub.Client.GetInstanceAsync(id);
        await hub.Client.ResumeInstanceAsync(id);
        var done = await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());

        Assert.Equal(OrchestrationRuntimeStatus.Suspended, whileSuspended?.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("approved", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task PurgeInstanceAsync_CompletedInstance_RemovesItAndFreesTheId()
    {
        await using var hub = await StartAsync();
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("WaitOne", null, new StartOrchestrationOptions("purge-me"));
        await hub.Client.WaitForInstanceAsync(id, m => m.SerializedCustomStatus is not null, TestHub.Guard());
        await Assert.ThrowsAsync<InvalidOperationException>(() => hub.Client.PurgeInstanceAsync(id));
        await hub.Client.RaiseEventAsync(id, "go", "x");
        await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());

        var purged = await hub.Client.PurgeInstanceAsync(id);

        Assert.True(purged);
        Assert.Null(await hub.Client.GetInstanceAsync(id));
        Assert.Empty(await hub.Client.GetHistoryAsync(id));
        await hub.Client.ScheduleNewOrchestrationInstanceAsync("WaitOne", null, new StartOrchestrationOptions("purge-me"));
    }

    [Fact]
    public async Task QueryInstancesAsync_ByStatusNameAndCreatedTime_PagesThroughMatches()
    {
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<string?, string>("WaitOne", async (ctx, _) => await ctx.WaitForExternalEvent<string>("go"))
            .AddOrchestrator<int, int>("Quick", (_, n) => Task.FromResult(n)));
        for (var i = 0; i < 5; i++) await hub.RunAsync("Quick", i, instanceId: $"quick-{i}");
        var waiting = await hub.Client.ScheduleNewOrchestrationInstanceAsync("WaitOne", null, new StartOrchestrationOptions("waiting-1"));
        await hub.Client.WaitForInstanceAsync(waiting, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running, TestHub.Guard());

        var found = new List<OrchestrationMetadata>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await hub.Client.QueryInstancesAsync(new OrchestrationQuery
            {
                Statuses = [OrchestrationRuntimeStatus.Completed], Name = "Quick", PageSize = 2, ContinuationToken = token,
                CreatedFrom = DateTimeOffset.UtcNow.AddHours(-1), FetchInputsAndOutputs = true,
            });
            found.AddRange(page.Instances);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);
        var running = await hub.Client.QueryInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running] });
        var future = await hub.Client.QueryInstancesAsync(new OrchestrationQuery { CreatedFrom = DateTimeOffset.UtcNow.AddHours(1) });

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"quick-{i}"), found.Select(m => m.InstanceId).Order());
        Assert.True(pages >= 3);
        Assert.All(found, m => Assert.Equal(m.ReadInputAs<int>(), m.ReadOutputAs<int>()));
        Assert.Equal("waiting-1", Assert.Single(running.Instances).InstanceId);
        Assert.Empty(future.Instances);
    }

    [Fact]
    public async Task PoisonMessage_InControlQueue_IsQuarantinedWithReason()
    {
        await using var hub = await StartAsync();
        var queue = new QueueClient(hub.ConnectionString, $"{hub.HubName.ToLowerInvariant()}-control-00");
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("this is not a task message");
        var guard = TestHub.Guard();
        IReadOnlyList<QuarantinedMessage> quarantined;
        while ((quarantined = await hub.Client.GetQuarantinedMessagesAsync(guard)).Count == 0) await Task.Delay(50, guard);

        var message = Assert.Single(quarantined);
        Assert.Contains("undecodable", message.Reason, StringComparison.Ordinal);
        Assert.Equal("this is not a task message", message.Body);
    }
}
