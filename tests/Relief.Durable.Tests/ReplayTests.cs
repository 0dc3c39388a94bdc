using Relief.Durable.Core;

namespace Relief.Durable.Tests;

/// <summary>Replay engine without storage.</summary>
public sealed class ReplayTests
{
    private static readonly DateTime T0 = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    private static OrchestrationExecutor Executor(Func<TaskOrchestrationContext, string?, Task<string?>> run)
    {
        var registry = new DurableTaskRegistry();
        registry.Add(new OrchestratorDefinition("O", "", run));
        return new OrchestrationExecutor(registry);
    }

    private static HistoryEvent Start() => new() { Type = HistoryEventType.ExecutionStarted, Name = "O", Version = "", ExecutionId = "e1", Timestamp = T0 };

    [Fact]
    public void Execute_FirstEpisode_EmitsScheduledActivitiesInOrder()
    {
        var executor = Executor(async (ctx, _) =>
        {
            await Task.WhenAll(ctx.CallActivityAsync<int>("A"), ctx.CallActivityAsync<int>("B"));
            return null;
        });

        var result = executor.Execute("i", [], [Start()], T0);

        Assert.Equal(["A", "B"], result.NewActions.Select(a => a.Name));
        Assert.Equal([0, 1], result.NewActions.Select(a => a.TaskId));
        Assert.Equal(OrchestrationRuntimeStatus.Running, result.Status);
    }

    [Fact]
    public void Execute_ReplayWithResult_ContinuesAndCompletes()
    {
        var executor = Executor(async (ctx, _) => JsonData.Serialize(await ctx.CallActivityAsync<int>("A") + 1));
        var first = executor.Execute("i", [], [Start()], T0);

        var second = executor.Execute("i", first.NewEvents, [new HistoryEvent { Type = HistoryEventType.TaskCompleted, TaskId = 0, Result = "41" }], T0.AddMinutes(1));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, second.Status);
        Assert.Equal("42", second.Output);
        Assert.Empty(second.NewActions);
    }

    [Fact]
    public void Execute_IsReplayingAndTime_FollowHistory()
    {
        var seen = new List<(bool Replaying, DateTime Now)>();
        var executor = Executor(async (ctx, _) =>
        {
            seen.Add((ctx.IsReplaying, ctx.CurrentUtcDateTime));
            await ctx.CallActivityAsync<int>("A");
            seen.Add((ctx.IsReplaying, ctx.CurrentUtcDateTime));
            return null;
        });
        var first = executor.Execute("i", [], [Start()], T0);
        seen.Clear();

        executor.Execute("i", first.NewEvents, [new HistoryEvent { Type = HistoryEventType.TaskCompleted, TaskId = 0, Result = "1" }], T0.AddHours(1));

        Assert.Equal([(true, T0), (false, T0.AddHours(1))], seen);
    }

    [Fact]
    public void Execute_DifferentActivityOnReplay_FailsAsNonDeterministic()
    {
        var first = Executor(async (ctx, _) => { await ctx.CallActivityAsync<int>("A"); return null; }).Execute("i", [], [Start()], T0);
        var changed = Executor(async (ctx, _) => { await ctx.CreateTimer(T0.AddDays(1), CancellationToken.None); return null; });

        var result = changed.Execute("i", first.NewEvents, [new HistoryEvent { Type = HistoryEventType.TaskCompleted, TaskId = 0, Result = "1" }], T0);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Status);
        Assert.True(result.NonDeterministic);
        Assert.Contains("history has activity 'A' at task #0, but the code now schedules a timer", result.Failure?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_ContinueAsNew_ReturnsNewInputAndUnconsumedEvents()
    {
        var executor = Executor(async (ctx, _) =>
        {
            await ctx.WaitForExternalEvent<int>("x");
            ctx.ContinueAsNew(7);
            return null;
        });
        HistoryEvent Raised(int v) => new() { Type = HistoryEventType.EventRaised, Name = "x", Input = v.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var result = executor.Execute("i", [], [Start(), Raised(1), Raised(2)], T0);

        Assert.Equal(OrchestrationRuntimeStatus.ContinuedAsNew, result.Status);
        Assert.Equal("7", result.ContinueAsNewInput);
        Assert.Equal("2", Assert.Single(result.CarriedEvents).Input);
    }

    [Fact]
    public void Execute_OrchestratorAwaitsNonDurableTask_FailsWithExplanation()
    {
        var never = new TaskCompletionSource<int>();
        var executor = Executor(async (ctx, _) => { await never.Task; return null; });

        var result = executor.Execute("i", [], [Start()], T0);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Status);
        Assert.Equal("NonDurableAwait", result.Failure?.ErrorType);
    }

    [Fact]
    public void CreateTimer_UnspecifiedKind_IsTakenAsUtcNotLocalTime()
    {
        var due = new DateTime(2026, 3, 30, 1, 0, 0, DateTimeKind.Unspecified);
        var executor = Executor(async (ctx, _) => { await ctx.CreateTimer(due, CancellationToken.None); return null; });

        var result = executor.Execute("i", [], [Start()], T0);

        var fireAt = Assert.Single(result.NewActions).FireAt!.Value;
        Assert.Equal((DateTimeKind.Utc, due.Ticks), (fireAt.Kind, fireAt.Ticks));
    }
}
