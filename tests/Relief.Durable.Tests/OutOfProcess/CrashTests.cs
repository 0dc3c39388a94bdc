using Relief.Durable.Core;
using Relief.Durable.TestHost;
using Relief.Durable.Worker;

namespace Relief.Durable.Tests.OutOfProcess;

/// <summary>
/// Kills a real worker process at each point of the checkpoint and restarts it. What may repeat:
/// activities (at-least-once: an activity whose result was not committed runs again after a restart),
/// and outbound messages (sent again, then dropped as duplicates). What may not: decisions — every
/// task id is scheduled once in history, and each instance completes once with the right result.
/// </summary>
public sealed class CrashTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Worker_KilledAtEachCheckpointPointAndRestarted_EveryInstanceCompletesOnceWithRightResult()
    {
        await using var hub = await TestHub.StartAsync(d => { }, startWorker: false);
        var dir = Directory.CreateTempSubdirectory("relief-crash-").FullName;
        var episodes = Path.Combine(dir, "episodes.jsonl");
        var activities = Path.Combine(dir, "activities.log");
        var ids = Enumerable.Range(0, 6).Select(i => $"crash-{i}").ToList();
        foreach (var (id, n) in ids.Select((id, n) => (id, n)))
            await hub.Client.ScheduleNewOrchestrationInstanceAsync("Crash", n, new StartOrchestrationOptions(id));

        // Each run dies at one point; the first uses the work-item queue for activities, the others run them in-process.
        var runs = new (string Fault, int LocalBacklog)[]
        {
            ($"{FaultInjection.AfterEnqueue}:3", 0),
            ($"{FaultInjection.AfterCommit}:4", 100),
            ($"{FaultInjection.BeforeDelete}:5", 100),
            ($"{FaultInjection.AfterCommit}:9", 0),
        };
        var exitCodes = new List<int>();
        foreach (var (fault, backlog) in runs)
        {
            await using var crashing = WorkerProcess.Start(hub.ConnectionString, hub.HubName, "crash-host", 2, episodes, activities, backlog, fault);
            exitCodes.Add(await crashing.WaitForExitAsync(TestHub.Guard(120)));
            Assert.Contains("fault injection", crashing.Output, StringComparison.OrdinalIgnoreCase);
        }
        await using (var final = WorkerProcess.Start(hub.ConnectionString, hub.HubName, "crash-host", 2, episodes, activities))
        {
            try
            {
                foreach (var id in ids) await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard(60));
            }
            catch (OperationCanceledException)
            {
                foreach (var id in ids)
                {
                    var m = await hub.Client.GetInstanceAsync(id, true);
                    output.WriteLine($"{id}: {m?.RuntimeStatus} {string.Join(" ", (await hub.Client.GetHistoryAsync(id)).Select(e => e.ToString()))}");
                }
                output.WriteLine(final.Output);
                throw;
            }
            await final.StopAsync(TestHub.Guard());
        }

        Assert.All(exitCodes, code => Assert.NotEqual(0, code));
        foreach (var (id, n) in ids.Select((id, n) => (id, n)))
        {
            var done = await hub.Client.GetInstanceAsync(id, true);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done?.RuntimeStatus);
            Assert.Equal(TestOrchestrations.ExpectedCrash(n), done!.ReadOutputAs<int>());
            var history = await hub.Client.GetHistoryAsync(id);
            var decisions = history.Where(e => e.Type is HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated or HistoryEventType.SubOrchestrationCreated).ToList();
            Assert.Equal(8, decisions.Count); // 1 activity + 1 child + 1 timer + 5 fan-out, each recorded once
            Assert.Equal(decisions.Count, decisions.Select(e => e.TaskId).Distinct().Count());
            var results = history.Where(e => e.Type is HistoryEventType.TaskCompleted or HistoryEventType.TimerFired or HistoryEventType.SubOrchestrationCompleted).ToList();
            Assert.Equal(8, results.Count);
            Assert.Single(history, e => e.Type == HistoryEventType.ExecutionCompleted);
        }
        // The query index caught up with history too (no instance left "Running" after a crash between commit and index write).
        var indexed = await hub.Client.QueryInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "crash-", Statuses = [OrchestrationRuntimeStatus.Completed] });
        Assert.Equal(ids, indexed.Instances.Select(m => m.InstanceId).Order());
        // Activities are at-least-once: each ran at least once, some possibly more (stated, not hidden).
        var stepRuns = File.ReadAllLines(activities).Length;
        output.WriteLine($"exit codes {string.Join(",", exitCodes)}; {stepRuns} activity executions for {ids.Count * 7} activities");
        Assert.True(stepRuns >= ids.Count * 7, $"{stepRuns} activity executions for {ids.Count * 7} activities");
    }

    [Fact]
    public async Task Worker_KilledAfterInProcessStartBeforeFirstCommit_RestartedOwnerStartsItFromIndexRowOnce()
    {
        await using var hub = await TestHub.StartAsync(d => { }, startWorker: false);
        var dir = Directory.CreateTempSubdirectory("relief-inproc-").FullName;
        var (episodes, activities) = (Path.Combine(dir, "episodes.jsonl"), Path.Combine(dir, "activities.log"));

        // The worker's own client starts instances (handed over in memory, no queue message) and dies at the third.
        await using (var crashing = WorkerProcess.Start(hub.ConnectionString, hub.HubName, "inproc-host", 2, episodes, activities,
                         fault: $"{FaultInjection.AfterInProcessStart}:3", schedule: "inproc:5"))
        {
            Assert.NotEqual(0, await crashing.WaitForExitAsync(TestHub.Guard(120)));
            Assert.Contains("fault injection", crashing.Output, StringComparison.OrdinalIgnoreCase);
        }
        var ids = Enumerable.Range(0, 3).Select(i => $"inproc-{i}").ToList();
        await using (var final = WorkerProcess.Start(hub.ConnectionString, hub.HubName, "inproc-host", 2, episodes, activities))
        {
            foreach (var id in ids) await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard(60));
            await final.StopAsync(TestHub.Guard());
        }

        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var done = await hub.Client.GetInstanceAsync(id, true);
            Assert.Equal((OrchestrationRuntimeStatus.Completed, $"p{i}!!!!!"), (done?.RuntimeStatus, done?.ReadOutputAs<string>()));
            var history = await hub.Client.GetHistoryAsync(id);
            Assert.Single(history, e => e.Type == HistoryEventType.ExecutionStarted);
            Assert.Equal([0, 1, 2, 3, 4], history.Where(e => e.Type == HistoryEventType.TaskScheduled).Select(e => e.TaskId));
        }
        Assert.Null(await hub.Client.GetInstanceAsync("inproc-3")); // never scheduled: the process died first
    }
}
