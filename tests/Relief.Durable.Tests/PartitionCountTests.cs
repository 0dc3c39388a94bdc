using Relief.Testing;

namespace Relief.Durable.Tests;

/// <summary>The partition count is recorded when a hub is created and cannot change afterwards.</summary>
public sealed class PartitionCountTests
{
    private static void Register(DurableTaskBuilder d) => d.AddOrchestrator<int, int>("Echo", (_, n) => Task.FromResult(n));

    [Fact]
    public async Task WorkerStartAsync_PartitionCountDiffersFromHub_RefusesNamingSettingAndBothValues()
    {
        var hubName = UniqueNames.Table("hub");
        await using (var created = await TestHub.StartAsync(Register, hubName: hubName, configure: o => o.PartitionCount = 2))
        {
            Assert.Equal(7, (await created.RunAsync("Echo", 7)).ReadOutputAs<int>());
        }

        var ex = await Assert.ThrowsAsync<TaskHubMismatchException>(() =>
            TestHub.StartAsync(Register, hubName: hubName, configure: o => o.PartitionCount = 4));

        Assert.Contains("extensions:durableTask:partitionCount", ex.Message, StringComparison.Ordinal);
        Assert.Contains("= 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("= 4", ex.Message, StringComparison.Ordinal);
        Assert.Equal((hubName, 2, 4), (ex.HubName, ex.RecordedPartitionCount, ex.ConfiguredPartitionCount));
    }

    [Fact]
    public async Task ClientSchedule_PartitionCountDiffersFromHubCreatedByClient_RefusesAndStartsNothing()
    {
        var hubName = UniqueNames.Table("hub");
        await using var creator = await TestHub.StartAsync(Register, hubName: hubName, startWorker: false, configure: o => o.PartitionCount = 3);
        await creator.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 1, new StartOrchestrationOptions("first"));
        await using var other = await TestHub.StartAsync(Register, hubName: hubName, startWorker: false, configure: o => o.PartitionCount = 5);

        var ex = await Assert.ThrowsAsync<TaskHubMismatchException>(() =>
            other.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 2, new StartOrchestrationOptions("second")));

        Assert.Contains("extensions:durableTask:partitionCount = 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("extensions:durableTask:partitionCount = 5", ex.Message, StringComparison.Ordinal);
        Assert.Null(await creator.Client.GetInstanceAsync("second"));
    }

    [Fact]
    public async Task WorkerStartAsync_SamePartitionCountAsHub_RunsInstancesStartedEarlier()
    {
        var hubName = UniqueNames.Table("hub");
        await using (var clientOnly = await TestHub.StartAsync(Register, hubName: hubName, startWorker: false, configure: o => o.PartitionCount = 3))
        {
            await clientOnly.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 5, new StartOrchestrationOptions("early"));
        }
        await using var hub = await TestHub.StartAsync(Register, hubName: hubName, configure: o => o.PartitionCount = 3);

        var done = await hub.Client.WaitForInstanceCompletionAsync("early", true, TestHub.Guard());

        Assert.Equal(5, done.ReadOutputAs<int>());
    }
}
