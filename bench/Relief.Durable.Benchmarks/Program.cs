using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Relief.Durable;
using Relief.Durable.Benchmarks;
using Relief.Durable.Metrics;
using Relief.Testing;

// dotnet run -c Release --project bench/Relief.Durable.Benchmarks -- [orchestrations=200] [fanOut=100] [concurrency=32] [starts=in-process|queue]
var culture = CultureInfo.InvariantCulture;
var orchestrations = args.Length > 0 ? int.Parse(args[0], culture) : 200;
var fanOut = args.Length > 1 ? int.Parse(args[1], culture) : 100;
var concurrency = args.Length > 2 ? int.Parse(args[2], culture) : 32;
// in-process: the client lives in the worker's process, as in the function host, and hands starts over in memory;
// queue: the client is in a process of its own (another host), so every start goes through a control queue.
var queueStarts = args.Length > 3 && args[3] == "queue";
using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
var ct = cts.Token;

Console.WriteLine($"Relief.Durable benchmark: {orchestrations} × HelloSequence5, 1 × fan-out of {fanOut}, concurrency {concurrency}, " +
                  $"starts {(queueStarts ? "through the control queues (client in another host)" : "in process (client in the worker's host)")}, {Environment.ProcessorCount} cores");
await using var azurite = await AzuriteServer.StartAsync(ct);
var connection = azurite.ConnectionString;

// 1. Azurite's raw capacity, same machine, same run. Each kind is warmed up first: cold, Azurite (V8) and this
// process (tiered JIT) run 15–40 % slower, which made the "before" capacity low and flattered the engine.
await RawCapacity.TableWritesPerSecondAsync(connection, 1000, concurrency, ct);
await RawCapacity.QueueRoundTripsPerSecondAsync(connection, 500, concurrency, ct);
await RawCapacity.TwoRowBatchesPerSecondAsync(connection, 500, concurrency, ct);
var azuriteBefore = AzuriteCpu.Seconds();
var tableWrites = await RawCapacity.TableWritesPerSecondAsync(connection, 3000, concurrency, ct);
var azuriteMsPerWrite = 1000 * (AzuriteCpu.Seconds() - azuriteBefore) / 3000;
azuriteBefore = AzuriteCpu.Seconds();
var queueRoundTrips = await RawCapacity.QueueRoundTripsPerSecondAsync(connection, 1500, concurrency, ct);
var azuriteMsPerQueueTransaction = 1000 * (AzuriteCpu.Seconds() - azuriteBefore) / (3 * 1500);
var batches = await RawCapacity.TwoRowBatchesPerSecondAsync(connection, 2000, concurrency, ct);
Console.WriteLine($"Azurite two-row entity-group transactions: {batches,8:F0}/s (the shape of an episode commit)");
Console.WriteLine($"Azurite raw capacity: {tableWrites,8:F0} table writes/s; {queueRoundTrips,8:F0} queue round-trips/s (send+receive+delete = {queueRoundTrips * 3:F0} transactions/s)");
Console.WriteLine($"Azurite CPU per raw transaction: {azuriteMsPerWrite:F2} ms per table write, {azuriteMsPerQueueTransaction:F2} ms per queue transaction");

// 2. The engine, hosted in-process as in the function host.
const string Hub = "BenchHub";
var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
var completions = new CompletionObserver();
builder.Services.AddSingleton<Relief.Durable.Worker.IEpisodeObserver>(completions);
void Configure(DurableTaskOptions o)
{
    o.ConnectionString = connection;
    o.HubName = Hub;
    o.PartitionCount = 4;
    o.MaxConcurrentOrchestratorFunctions = concurrency;
    o.MaxConcurrentActivityFunctions = concurrency;
    o.LocalActivityBacklog = Math.Max(100, fanOut);
    o.MaxPollingInterval = TimeSpan.FromSeconds(1);
}
builder.Services.AddDurableTask(Configure)
    .AddOrchestrator<string, string>("HelloSequence5", async (context, name) =>
    {
        var result = name;
        for (var i = 0; i < 5; i++) result = await context.CallActivityAsync<string>("Hello", result);
        return result;
    })
    .AddOrchestrator<int, int>("FanOut", async (context, n) =>
        (await Task.WhenAll(Enumerable.Range(0, n).Select(i => context.CallActivityAsync<int>("Square", i)))).Length)
    .AddActivity<string, string>("Hello", (s, _) => Task.FromResult(s.Length > 40 ? s : s + "!"))
    .AddActivity<int, int>("Square", (i, _) => Task.FromResult(i * i));
using var host = builder.Build();
await host.StartAsync(ct);
// A client-only host (no worker) stands for a client in another process.
var clientBuilder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
clientBuilder.Services.AddDurableTask(Configure);
clientBuilder.Services.RemoveAll<IHostedService>();
using var clientHost = clientBuilder.Build();
await clientHost.StartAsync(ct);
var client = (queueStarts ? clientHost : host).Services.GetRequiredService<DurableTaskClient>();
StorageRequestMetrics[] counters = [host.Services.GetRequiredService<StorageRequestMetrics>(), clientHost.Services.GetRequiredService<StorageRequestMetrics>()];
// Completion is verified with an uncounted client after each timed run, so the figures are the engine's own traffic.
var index = new TableClient(connection, Hub + "Instances");
await client.GetInstanceAsync("warm-up", cancellationToken: ct); // creates the hub's resources
await WaitForOwnershipAsync(ct);

// Warm-up, not reported: as many storage requests as the raw measurements' warm-ups (about 1 000), so the engine's
// operations (updates, upserts) run on warm code in Azurite and in this process, like the raw ones do.
await RunAsync("WarmUp", 120, 5, i => ("HelloSequence5", (object)$"warm-{i}"), quiet: true);
var hello = await RunAsync("HelloSequence5", orchestrations, 5, i => ("HelloSequence5", (object)$"name-{i}"));
var fan = await RunAsync("FanOut", 1, fanOut, _ => ("FanOut", (object)fanOut));
await host.StopAsync(CancellationToken.None);

// Azurite again, after the engine runs (the machine is shared; capacity drifts).
var tableWritesAfter = await RawCapacity.TableWritesPerSecondAsync(connection, 3000, concurrency, ct);
var queueRoundTripsAfter = await RawCapacity.QueueRoundTripsPerSecondAsync(connection, 1500, concurrency, ct);
var batchesAfter = await RawCapacity.TwoRowBatchesPerSecondAsync(connection, 2000, concurrency, ct);
var batchRate = (batches + batchesAfter) / 2;
var tableRate = (tableWrites + tableWritesAfter) / 2;
var queueTxRate = 3 * (queueRoundTrips + queueRoundTripsAfter) / 2;
Console.WriteLine();
Console.WriteLine($"Azurite raw capacity after: {tableWritesAfter,8:F0} table writes/s; {queueRoundTripsAfter,8:F0} queue round-trips/s; {batchesAfter,8:F0} two-row transactions/s");
Console.WriteLine();
Console.WriteLine("Summary");
Console.WriteLine($"  Azurite raw (mean)              {tableRate,8:F0} table writes/s, {queueTxRate / 3,6:F0} queue round-trips/s ({queueTxRate:F0} queue transactions/s), {batchRate:F0} two-row transactions/s");
foreach (var r in new[] { hello, fan })
{
    // What Azurite allows at this transaction mix: seconds of Azurite time per orchestration, inverted.
    var secondsPerOrchestration = r.TablePerOrchestration / tableRate + r.QueuePerOrchestration / queueTxRate + r.BlobPerOrchestration / tableRate;
    var ceiling = 1 / secondsPerOrchestration;
    // The same with commits priced as the two-row entity-group transactions they are.
    var batchAwareCeiling = 1 / (r.BatchPerOrchestration / batchRate + (r.TablePerOrchestration - r.BatchPerOrchestration) / tableRate
                                 + r.QueuePerOrchestration / queueTxRate + r.BlobPerOrchestration / tableRate);
    Console.WriteLine($"  {r.Label,-16} {r.OrchestrationsPerSecond,8:F1} orchestrations/s, {r.ActivitiesPerSecond,8:F1} activities/s, " +
                      $"{r.TransactionsPerOrchestration,6:F1} transactions/orchestration (table {r.TablePerOrchestration:F1}, queue {r.QueuePerOrchestration:F1}, blob {r.BlobPerOrchestration:F1}); " +
                      $"Azurite ceiling at this mix {ceiling:F1} orchestrations/s (simple writes) → {100 * r.OrchestrationsPerSecond / ceiling:F0}% of it; " +
                      $"{batchAwareCeiling:F1}/s pricing commits as measured batches → {100 * r.OrchestrationsPerSecond / batchAwareCeiling:F0}%");
}
return 0;

async Task<Result> RunAsync(string label, int count, int activitiesEach, Func<int, (string Name, object Input)> make, bool quiet = false)
{
    var before = Snapshot();
    var cpu = CpuSample.Take();
    var azuriteCpu = AzuriteCpu.Seconds();
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
    {
        var (name, input) = make(i);
        await client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions($"{label}-{i}"), ct);
    }));
    await completions.WhenCompletedAsync(label, count, ct);
    var elapsed = watch.Elapsed.TotalSeconds;
    var cpuUse = CpuSample.Take().Since(cpu, watch.Elapsed);
    var azuriteSeconds = AzuriteCpu.Seconds() - azuriteCpu;
    var after = Snapshot();
    var stored = await CountCompletedAsync(label);
    if (stored != count) throw new InvalidOperationException($"{label}: the engine reported {count} completions, the instance index shows {stored}.");
    var delta = after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key));
    var total = delta.Values.Sum();
    var perOrchestration = (double)total / count;
    double Of(string service) => (double)delta.Where(p => p.Key.StartsWith(service + ".", StringComparison.Ordinal)).Sum(p => p.Value) / count;
    var result = new Result(label, count / elapsed, count * activitiesEach / elapsed, perOrchestration, Of("table"), Of("queue"), Of("blob"),
        (double)delta.GetValueOrDefault("table.batch") / count);
    if (quiet) return result;
    Console.WriteLine();
    Console.WriteLine($"{label}: {count} orchestrations in {elapsed:F2} s");
    Console.WriteLine($"  orchestrations/s          {count / elapsed,10:F1}");
    Console.WriteLine($"  activities/s              {count * activitiesEach / elapsed,10:F1}");
    Console.WriteLine($"  storage transactions      {total,10} ({perOrchestration:F1} per orchestration, incl. client start, polling and leases)");
    Console.WriteLine($"  CPU                       {cpuUse}");
    Console.WriteLine($"  Azurite process           {100 * azuriteSeconds / elapsed,9:F0}% of one core busy; {1000 * azuriteSeconds / count:F2} ms of Azurite CPU per orchestration ({1000 * azuriteSeconds / Math.Max(1, total):F2} ms per transaction)");
    Console.WriteLine($"  by kind                   {string.Join(", ", delta.Where(p => p.Value > 0).Select(p => $"{p.Key}={p.Value}"))}");
    return result;
}

Dictionary<string, long> Snapshot() =>
    counters.SelectMany(c => c.Snapshot()).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);

async Task<int> CountCompletedAsync(string prefix)
{
    var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + "~"} and RuntimeStatus eq {"Completed"}");
    var n = 0;
    await foreach (var _ in index.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: ct)) n++;
    return n;
}

async Task WaitForOwnershipAsync(CancellationToken cancellationToken)
{
    var worker = host.Services.GetRequiredService<Relief.Durable.Worker.DurableTaskWorker>();
    while (worker.OwnedPartitions.Count < 4) await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);
}

internal sealed record Result(string Label, double OrchestrationsPerSecond, double ActivitiesPerSecond, double TransactionsPerOrchestration,
    double TablePerOrchestration, double QueuePerOrchestration, double BlobPerOrchestration, double BatchPerOrchestration);
