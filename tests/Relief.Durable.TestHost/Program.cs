using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Relief.Durable;
using Relief.Durable.TestHost;
using Relief.Durable.Worker;

// Usage: Relief.Durable.TestHost <connection> <hub> <hostId> <partitions> <episodeLog> <activityLog> <localBacklog>
// Runs a durable worker until stdin says "stop" (graceful) or closes, or the process is killed.
// RELIEF_DURABLE_FAULT=point:n makes it die at a checkpoint (see FaultInjection).
// RELIEF_TESTHOST_SCHEDULE=prefix:count makes its own client start HelloSequence5 "prefix-i" (input "pi") once it
// owns every partition, so the starts are handed over in process.
var (connection, hub, hostId, partitions, episodeLog, activityLog, localBacklog) =
    (args[0], args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), args[4], args[5], int.Parse(args[6], CultureInfo.InvariantCulture));

var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<IEpisodeObserver>(new FileEpisodeObserver(episodeLog));
builder.Services.AddDurableTask(o =>
    {
        o.ConnectionString = connection;
        o.HubName = hub;
        o.HostId = hostId;
        o.PartitionCount = partitions;
        o.LocalActivityBacklog = localBacklog;
        o.MaxPollingInterval = TimeSpan.FromMilliseconds(200);
        o.MessageVisibilityTimeout = TimeSpan.FromSeconds(5);
        // Short enough for the takeover test to wait out, long enough that a loaded CI machine does not fence a live owner.
        o.PartitionLeaseDuration = TimeSpan.FromSeconds(10);
        o.PartitionLeaseRenewInterval = TimeSpan.FromSeconds(1);
    })
    .AddOrchestrator<string, string>("HelloSequence5", TestOrchestrations.HelloSequence5)
    .AddOrchestrator<int, int>("Crash", TestOrchestrations.Crash)
    .AddOrchestrator<int, int>("CrashChild", TestOrchestrations.CrashChild)
    .AddActivity<string, string>("Hello", (s, _) => Task.FromResult(s + "!"))
    .AddActivity<int, int>("Step", (n, _) =>
    {
        AppendLine(activityLog, $"Step|{n}");
        return Task.FromResult(n + 1);
    });

using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("ready");
if (Environment.GetEnvironmentVariable("RELIEF_TESTHOST_SCHEDULE") is { Length: > 0 } schedule)
{
    var (prefix, count) = (schedule.Split(':')[0], int.Parse(schedule.Split(':')[1], CultureInfo.InvariantCulture));
    var worker = host.Services.GetRequiredService<DurableTaskWorker>();
    while (worker.OwnedPartitions.Count < partitions) await Task.Delay(50);
    await Task.Delay(500); // the partitions' processors are registered just after the leases
    var client = host.Services.GetRequiredService<DurableTaskClient>();
    for (var i = 0; i < count; i++)
        await client.ScheduleNewOrchestrationInstanceAsync("HelloSequence5", $"p{i}", new StartOrchestrationOptions($"{prefix}-{i}"));
}
while (Console.ReadLine() is { } line && line != "stop")
{
}
await host.StopAsync();
return 0;

static void AppendLine(string path, string line)
{
    lock (typeof(FileEpisodeObserver))
    {
        File.AppendAllText(path, line + "\n");
    }
}

/// <summary>Appends every episode (host, instance, interval) to a JSON-lines file.</summary>
internal sealed class FileEpisodeObserver(string path) : IEpisodeObserver
{
    public void OnEpisode(EpisodeRecord record)
    {
        var line = JsonSerializer.Serialize(record);
        lock (typeof(FileEpisodeObserver))
        {
            File.AppendAllText(path, line + "\n");
        }
    }
}
