namespace Relief.Durable.Tests;

public sealed class VersioningTests
{
    private static Func<TaskOrchestrationContext, string?, Task<string>> Flow(string activity, string result) => async (ctx, _) =>
    {
        await ctx.CallActivityAsync<string>(activity, "x");
        ctx.SetCustomStatus("waiting");
        await ctx.WaitForExternalEvent<string>("go");
        await ctx.CallActivityAsync<string>(activity, "y");
        return result;
    };

    private static DurableTaskBuilder Activities(DurableTaskBuilder d) => d
        .AddActivity<string, string>("CheckIncomeV1", (s, _) => Task.FromResult(s))
        .AddActivity<string, string>("CheckIncomeV2", (s, _) => Task.FromResult(s));

    [Fact]
    public async Task Replay_CodeChangedWithoutNewVersion_InstanceFailsNamingTheMismatch()
    {
        string id;
        string hubName;
        await using (var v1 = await TestHub.StartAsync(d => Activities(d).AddOrchestrator("Flow", Flow("CheckIncomeV1", "v1"))))
        {
            hubName = v1.HubName;
            id = await v1.Client.ScheduleNewOrchestrationInstanceAsync("Flow");
            await v1.Client.WaitForInstanceAsync(id, m => m.SerializedCustomStatus is not null, TestHub.Guard());
        }

        await using var changed = await TestHub.StartAsync(d => Activities(d).AddOrchestrator("Flow", Flow("CheckIncomeV2", "v1")), hubName: hubName);
        await changed.Client.RaiseEventAsync(id, "go", "now");
        var done = await changed.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal("Relief.Durable.Core.NonDeterminismException", done.FailureDetails?.ErrorType);
        Assert.Contains("activity 'CheckIncomeV1'", done.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("activity 'CheckIncomeV2'", done.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_InstanceStartedOnV1_KeepsRunningV1AfterV2Registered()
    {
        string id;
        string hubName;
        await using (var v1 = await TestHub.StartAsync(d => Activities(d).AddOrchestrator("Flow", Flow("CheckIncomeV1", "finished on v1"), version: "1")))
        {
            hubName = v1.HubName;
            id = await v1.Client.ScheduleNewOrchestrationInstanceAsync("Flow");
            await v1.Client.WaitForInstanceAsync(id, m => m.SerializedCustomStatus is not null, TestHub.Guard());
        }

        await using var both = await TestHub.StartAsync(d => Activities(d)
            .AddOrchestrator("Flow", Flow("CheckIncomeV1", "finished on v1"), version: "1")
            .AddOrchestrator("Flow", Flow("CheckIncomeV2", "finished on v2"), version: "2"), hubName: hubName);
        await both.Client.RaiseEventAsync(id, "go", "now");
        var old = await both.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());
        var fresh = await both.Client.ScheduleNewOrchestrationInstanceAsync("Flow");
        await both.Client.WaitForInstanceAsync(fresh, m => m.SerializedCustomStatus is not null, TestHub.Guard());
        await both.Client.RaiseEventAsync(fresh, "go", "now");
        var @new = await both.Client.WaitForInstanceCompletionAsync(fresh, true, TestHub.Guard());

        Assert.Equal(("1", "finished on v1"), (old.Version, old.ReadOutputAs<string>()));
        Assert.Equal(("2", "finished on v2"), (@new.Version, @new.ReadOutputAs<string>()));
    }
}
