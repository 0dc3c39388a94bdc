using System.Text.Json;
using Relief.Durable.Core;
using Relief.Durable.Worker;
using Xunit.Abstractions;

namespace Relief.Durable.Tests.OutOfProcess;

public sealed class MultiHostTests(ITestOutputHelper output)
{
    // The client routes instances to partitions too: it must use the workers' partition count.
    private const int Partitions = 4;

    [Fact]
    public async Task TwoHostProcesses_TwoHundredOrchestrations_EachCompletesOnceAndNeverRunsOnBothAtOnce()
    {
        await using var hub = await TestHub.StartAsync(d => { }, configure: o => o.PartitionCount = Partitions, startWorker: false);
        var dir = Directory.CreateTempSubdirectory("relief-multi-").FullName;
        // One episode file per process: appends from two processes to one file can interleave mid-line.
        var episodesA = Path.Combine(dir, "episodes-a.jsonl");
        var episodesB = Path.Combine(dir, "episodes-b.jsonl");
        var activities = Path.Combine(dir, "activities.log");
        var ids = Enumerable.Range(0, 200).Select(i => $"hello-{i:D3}").ToList();

        await using var a = WorkerProcess.Start(hub.ConnectionString, hub.HubName, "host-a", Partitions, episodesA, activities + ".a");
        foreach (var id in ids.Take(100)) await hub.Client.ScheduleNewOrchestrationInstanceAsync("HelloSequence5", id, new StartOrchestrationOptions(id));
        try
        {
            await hub.Client.WaitForInstanceCompletionAsync(ids[10], false, TestHub.Guard(30));
        }
        catch (OperationCanceledException)
        {
            output.WriteLine(a.Output);
            var m = await hub.Client.GetInstanceAsync(ids[10], true);
            output.WriteLine($"{m?.RuntimeStatus} {string.Join(" ", (await hub.Client.GetHistoryAsync(ids[10])).Select(e => e.ToString()))}");
            throw;
        }

        // B joins while A is busy: partitions are rebalanced to it.
        await using var b = WorkerProcess.Start(hub.ConnectionString, hub.HubName, "host-b", Partitions, episodesB, activities + ".b");
        foreach (var id in ids.Skip(100)) await hub.Client.ScheduleNewOrchestrationInstanceAsync("HelloSequence5", id, new StartOrchestrationOptions(id));
        await hub.Client.WaitForInstanceCompletionAsync(ids[150], false, TestHub.Guard(120));

        // A leaves gracefully: B takes its partitions over.
        await a.StopAsync(TestHub.Guard());
        foreach (var id in ids) await hub.Client.WaitForInstanceCompletionAsync(id, false, TestHub.Guard(120));
        await b.StopAsync(TestHub.Guard());

        foreach (var id in ids)
        {
            var done = await hub.Client.GetInstanceAsync(id, true);
            Assert.Equal(id + "!!!!!", done?.ReadOutputAs<string>());
            var history = await hub.Client.GetHistoryAsync(id);
            Assert.Single(history, e => e.Type == HistoryEventType.ExecutionCompleted);
            Assert.Equal([0, 1, 2, 3, 4], history.Where(e => e.Type == HistoryEventType.TaskScheduled).Select(e => e.TaskId));
        }

        var records = ReadEpisodes(episodesA, episodesB);
        var byHost = records.GroupBy(r => r.HostId).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"episodes by host: {string.Join(", ", byHost.Select(p => $"{p.Key}={p.Value}"))}");
        Assert.True(byHost.GetValueOrDefault("host-a") > 0 && byHost.GetValueOrDefault("host-b") > 0, "both hosts ran episodes");
        var sharedInstances = records.GroupBy(r => r.InstanceId).Count(g => g.Select(r => r.HostId).Distinct().Count() > 1);
        output.WriteLine($"instances that moved between hosts: {sharedInstances}");

        // Shown, not assumed: no two episodes of one instance overlap in time, on whatever hosts.
        foreach (var instance in records.GroupBy(r => r.InstanceId))
        {
            var ordered = instance.OrderBy(r => r.StartedAt).ToList();
            var latest = ordered[0];
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].StartedAt >= latest.EndedAt,
                    $"{instance.Key}: episode on {ordered[i].HostId} at {ordered[i].StartedAt:O} overlaps one on {latest.HostId} ending {latest.EndedAt:O}");
                if (ordered[i].EndedAt > latest.EndedAt) latest = ordered[i];
            }
        }
    }

    [Fact]
    public async Task HostProcess_KilledWhileOwningPartitions_AnotherHostTakesOverAfterLeaseExpiry()
    {
        await using var hub = await TestHub.StartAsync(d => { }, configure: o => o.PartitionCount = Partitions, startWorker: false);
        var dir = Directory.CreateTempSubdirectory("relief-takeover-").FullName;
        var episodesA = Path.Combine(dir, "episodes-a.jsonl");
        var episodesB = Path.Combine(dir, "episodes-b.jsonl");
        var activities = Path.Combine(dir, "activities.log");
        var ids = Enumerable.Range(0, 40).Select(i => $"takeover-{i:D2}").ToList();

        foreach (var id in ids) await hub.Client.ScheduleNewOrchestrationInstanceAsync("Crash", 1, new StartOrchestrationOptions(id));
        // A dies abruptly part-way (no drain, no lease release), holding every partition.
        await using (var a = WorkerProcess.Start(hub.ConnectionString, hub.HubName, "host-a", Partitions, episodesA, activities + ".a", fault: $"{FaultInjection.AfterCommit}:40"))
        {
            Assert.NotEqual(0, await a.WaitForExitAsync(TestHub.Guard(120)));
        }
        var unfinished = await hub.Client.QueryInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending], PageSize = 1000 });
        output.WriteLine($"unfinished when host-a died: {unfinished.Instances.Count}");
        Assert.NotEmpty(unfinished.Instances);

        await using var b = WorkerProcess.Start(hub.ConnectionString, hub.HubName, "host-b", Partitions, episodesB, activities + ".b");
        foreach (var id in ids) await hub.Client.WaitForInstanceCompletionAsync(id, false, TestHub.Guard(120));
        await b.StopAsync(TestHub.Guard());

        foreach (var id in ids)
        {
            var done = await hub.Client.GetInstanceAsync(id, true);
            Assert.Equal(TestHost.TestOrchestrations.ExpectedCrash(1), done?.ReadOutputAs<int>());
            Assert.Single(await hub.Client.GetHistoryAsync(id), e => e.Type == HistoryEventType.ExecutionCompleted);
        }
        var records = ReadEpisodes(episodesA, episodesB);
        output.WriteLine($"episodes: host-a={records.Count(r => r.HostId == "host-a")}, host-b={records.Count(r => r.HostId == "host-b")}");
        Assert.Contains(records, r => r.HostId == "host-b");
    }

    // A process killed mid-append may leave its file's last line torn; every other line must parse.
    private static List<EpisodeRecord> ReadEpisodes(params string[] files)
    {
        var records = new List<EpisodeRecord>();
        foreach (var file in files.Where(File.Exists))
        {
            var text = File.ReadAllText(file);
            // Every record ends with '\n', so the last piece is either empty or a torn record.
            var complete = text.Split('\n')[..^1];
            records.AddRange(complete.Select(l => JsonSerializer.Deserialize<EpisodeRecord>(l)!));
        }
        return records;
    }
}
