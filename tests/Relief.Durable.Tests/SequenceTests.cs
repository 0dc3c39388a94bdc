using System.Collections.Concurrent;

namespace Relief.Durable.Tests;

public sealed class SequenceTests
{
    [Fact]
    public async Task CallActivityAsync_FiveInSequence_CompletesWithChainedResult()
    {
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<string, string>("Hello", async (ctx, name) =>
            {
                var result = name;
                for (var i = 0; i < 5; i++) result = await ctx.CallActivityAsync<string>("Append", result + i);
                return result;
            })
            .AddActivity<string, string>("Append", (s, _) => Task.FromResult(s + "!")));

        var done = await hub.RunAsync("Hello", "x");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("x0!1!2!3!4!", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallActivityAsync_FanOutHundred_SumsAllResults()
    {
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<int, int>("FanOut", async (ctx, n) =>
            {
                var tasks = Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>("Square", i)).ToList();
                var results = await Task.WhenAll(tasks);
                return results.Sum();
            })
            .AddActivity<int, int>("Square", (i, _) => Task.FromResult(i * i)));

        var done = await hub.RunAsync("FanOut", 100);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 100).Sum(i => i * i), done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task CallActivityAsync_FanOutBeyondLocalBacklog_UsesWorkItemQueueAndCompletes()
    {
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<int, int>("FanOut", async (ctx, n) =>
                (await Task.WhenAll(Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>("Double", i)))).Sum())
            .AddActivity<int, int>("Double", (i, _) => Task.FromResult(2 * i)),
            configure: o => o.LocalActivityBacklog = 5);

        var done = await hub.RunAsync("FanOut", 30);

        Assert.Equal(Enumerable.Range(1, 30).Sum() * 2, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task CallActivityAsync_FailsTwiceWithRetryPolicy_SucceedsOnThirdAttempt()
    {
        var attempts = new ConcurrentDictionary<string, int>();
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<string, string>("Retry", (ctx, key) => ctx.CallActivityAsync<string>("Flaky", key,
                TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.Zero))))
            .AddActivity<string, string>("Flaky", (key, _) =>
            {
                var n = attempts.AddOrUpdate(key, 1, (_, v) => v + 1);
                return n < 3 ? throw new InvalidOperationException("try again " + n) : Task.FromResult("ok after " + n);
            }));

        var done = await hub.RunAsync("Retry", "k1");

        Assert.Equal("ok after 3", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallActivityAsync_RetriesExhausted_OrchestratorCatchesTaskFailedException()
    {
        var attempts = 0;
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<string, string>("Catch", async (ctx, _) =>
            {
                try
                {
                    await ctx.CallActivityAsync<string>("AlwaysFails", null, TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.Zero)));
                    return "no failure";
                }
                catch (TaskFailedException ex)
                {
                    return $"caught {ex.FailureDetails.ErrorType}: {ex.FailureDetails.ErrorMessage}";
                }
            })
            .AddActivity<string?, string>("AlwaysFails", (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidOperationException("registry office closed");
            }));

        var done = await hub.RunAsync("Catch");

        Assert.Equal("caught System.InvalidOperationException: registry office closed", done.ReadOutputAs<string>());
        Assert.True(attempts >= 2);
    }

    [Fact]
    public async Task Orchestrator_Throws_InstanceFailedWithDetails()
    {
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<string, string>("Boom", (_, _) => throw new ArgumentException("bad input")));

        var done = await hub.RunAsync("Boom", "x");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal("bad input", done.FailureDetails?.ErrorMessage);
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildRunsActivity_ParentGetsResult()
    {
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<int, int>("Parent", async (ctx, n) =>
            {
                var a = await ctx.CallSubOrchestratorAsync<int>("Child", n);
                var b = await ctx.CallSubOrchestratorAsync<int>("Child", n + 1, new SubOrchestrationOptions(InstanceId: ctx.InstanceId + "-child"));
                return a + b;
            })
            .AddOrchestrator<int, int>("Child", (ctx, n) => ctx.CallActivityAsync<int>("Triple", n))
            .AddActivity<int, int>("Triple", (n, _) => Task.FromResult(3 * n)));

        var done = await hub.RunAsync("Parent", 5, instanceId: "parent-1");

        Assert.Equal(15 + 18, done.ReadOutputAs<int>());
        var child = await hub.Client.GetInstanceAsync("parent-1-child", true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child?.RuntimeStatus);
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildFails_ParentCatches()
    {
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<int, string>("Parent", async (ctx, n) =>
            {
                try
                {
                    await ctx.CallSubOrchestratorAsync<int>("Child", n);
                    return "no";
                }
                catch (TaskFailedException ex)
                {
                    return ex.FailureDetails.ErrorMessage;
                }
            })
            .AddOrchestrator<int, int>("Child", (_, _) => throw new InvalidOperationException("child broke")));

        var done = await hub.RunAsync("Parent", 1);

        Assert.Equal("child broke", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallActivityAsync_LargeInputAndOutput_RoundTripThroughBlobs()
    {
        var big = new string('a', 120_000);
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<string, string>("Big", async (ctx, s) => await ctx.CallActivityAsync<string>("Echo", s) + "!")
            .AddActivity<string, string>("Echo", (s, _) => Task.FromResult(s)),
            configure: o => o.LocalActivityBacklog = 0);

        var done = await hub.RunAsync("Big", big);

        Assert.Equal(big + "!", done.ReadOutputAs<string>());
        Assert.Equal(big, done.ReadInputAs<string>());
    }

    [Fact]
    public async Task NewGuid_SameEpisodeAndReplay_IsDeterministic()
    {
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<string, string[]>("Guids", async (ctx, _) =>
            {
                var first = ctx.NewGuid();
                await ctx.CallActivityAsync<string>("Noop", "x");
                var second = ctx.NewGuid();
                await ctx.CallActivityAsync<string>("Noop", first.ToString());
                return [first.ToString(), second.ToString(), ctx.NewGuid().ToString()];
            })
            .AddActivity<string, string>("Noop", (s, _) => Task.FromResult(s)));

        var done = await hub.RunAsync("Guids");
        var guids = done.ReadOutputAs<string[]>()!;

        Assert.Equal(3, guids.Distinct().Count());
        var history = await hub.Client.GetHistoryAsync(done.InstanceId);
        var secondCall = history.Where(e => e.Type == Core.HistoryEventType.TaskScheduled).ElementAt(1);
        Assert.Equal($"\"{guids[0]}\"", secondCall.Input);
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildIdAlreadyInUse_ParentGetsConflictFailure()
    {
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<string, string>("Parent", async (ctx, childId) =>
            {
                try
                {
                    return await ctx.CallSubOrchestratorAsync<string>("Child", null, new SubOrchestrationOptions(InstanceId: childId));
                }
                catch (TaskFailedException ex)
                {
                    return ex.FailureDetails.ErrorType;
                }
            })
            .AddOrchestrator<string?, string>("Child", async (ctx, _) => await ctx.WaitForExternalEvent<string>("never")));
        var taken = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Child", null, new StartOrchestrationOptions("taken-child"));
        await hub.Client.WaitForInstanceAsync(taken, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running, TestHub.Guard());

        var done = await hub.RunAsync("Parent", "taken-child");

        Assert.Equal(typeof(InstanceAlreadyExistsException).FullName, done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_WithoutAwaiting_RestartsUntilDoneAndRunaway_FailsLoudly()
    {
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<int, int>("CountTo5", (ctx, n) =>
            {
                if (n < 5) ctx.ContinueAsNew(n + 1);
                return Task.FromResult(n);
            })
            .AddOrchestrator<int, int>("Forever", (ctx, n) =>
            {
                ctx.ContinueAsNew(n + 1);
                return Task.FromResult(n);
            }));

        var counted = await hub.RunAsync("CountTo5", 0);
        var runaway = await hub.RunAsync("Forever", 0);

        Assert.Equal(5, counted.ReadOutputAs<int>());
        Assert.Equal(OrchestrationRuntimeStatus.Failed, runaway.RuntimeStatus);
        Assert.Equal("ContinueAsNewLoop", runaway.FailureDetails?.ErrorType);
    }
}
