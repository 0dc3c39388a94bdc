using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Relief.Cases.Payments;
using Relief.Cases.Storage.Payments;
using Relief.FunctionsHost.Benchmarks;

// Usage: dotnet run -c Release --project bench/Relief.Payroll.Benchmarks -- [households=100000] [shards=16] [parallel=4]
// Seeds the register (not timed as payroll), then measures in one run: Azurite's batch-write floor for the entities a
// payroll writes (2 rows per instruction, in transactions of 100 over the same partitions, same parallelism), the
// payroll itself (PayrollShardRunner over every shard, as the PayPayrollShard activities run it), and a second run of
// the same period (idempotent: writes nothing). Memory is sampled during the payroll.
int households = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
int shards = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
int parallel = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
var period = new PayPeriod(2030, 1);
const string Root = "bench";

// Azurite keeps every entity in memory: give its Node process room for millions of rows (inherited by the child).
Environment.SetEnvironmentVariable("NODE_OPTIONS", "--max-old-space-size=16384");
await using var azurite = await Azurite.StartAsync();
var tables = new TableServiceClient(azurite.ConnectionString);
var queues = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
var options = Options.Create(new PaymentStorageOptions { Shards = shards });
var register = new BeneficiaryRegister(tables, options, NullLogger<BeneficiaryRegister>.Instance);
var ledger = new PaymentLedger(tables, options, TimeProvider.System, NullLogger<PaymentLedger>.Instance);
var progress = new PayrollProgress(tables, options);
var batches = new PaymentBatchWriter(queues, options);
await register.InitializeAsync(CancellationToken.None);
await ledger.InitializeAsync(CancellationToken.None);
await progress.InitializeAsync(CancellationToken.None);
await batches.InitializeAsync(CancellationToken.None);
var runner = new PayrollShardRunner(register, ledger, batches, progress, TimeProvider.System, NullLogger<PayrollShardRunner>.Instance);

Console.WriteLine($"households {households:N0}, shards {shards}, parallel {parallel}, {Environment.ProcessorCount} cores");
var seed = Stopwatch.StartNew();
var enrolment = new EntitlementChange(EntitlementChangeKind.Enrolled, period, 1m, null, "benchmark", "case-bench", DateTimeOffset.UtcNow);
for (int from = 0; from < households; from += 20_000)
{
    int count = Math.Min(20_000, households - from);
    await register.EnrolManyAsync(Enumerable.Range(from, count).Select(i =>
        Entitlement.Enrol($"hh-b{i:0000000}", "dibao", Root + "/area", "case-bench", 1 + (i % 4), enrolment with { MonthlyAmount = 300m + (i % 900) + 0.25m }).Entitlement!), CancellationToken.None);
}

Console.WriteLine($"register seeded in {seed.Elapsed.TotalSeconds:0.0} s ({households / seed.Elapsed.TotalSeconds:N0} entities/s)");

async Task<TimeSpan> FloorAsync(string name)
{
    // The same number of rows as the payroll writes (instruction + event per household), in the same partition
    // layout and transactions of 100, with the same parallelism: what Azurite allows at best for these entities.
    var table = tables.GetTableClient(name);
    await table.CreateIfNotExistsAsync();
    var clock = Stopwatch.StartNew();
    using var gate = new SemaphoreSlim(parallel);
    var work = Enumerable.Range(0, shards).Select(async shard =>
    {
        await gate.WaitAsync();
        try
        {
            int perShard = households / shards + (shard < households % shards ? 1 : 0);
            string partition = PayrollShards.LedgerPartition(Root, period.ToString(), shard);
            for (int from = 0; from < perShard * 2; from += 100)
            {
                int count = Math.Min(100, perShard * 2 - from);
                await table.SubmitTransactionAsync(Enumerable.Range(from, count).Select(i => new TableTransactionAction(TableTransactionActionType.Add,
                    new TableEntity(partition, $"row{i:0000000}") { ["Kind"] = "floor", ["Amount"] = "512.25", ["AmountFen"] = 51225L, ["Status"] = "Instructed", ["CaseId"] = "case-bench", ["BeneficiaryId"] = $"hh-b{i:0000000}" })));
            }
        }
        finally
        {
            gate.Release();
        }
    }).ToArray();
    await Task.WhenAll(work);
    var elapsed = clock.Elapsed;
    await table.DeleteAsync(); // free Azurite's memory for the next phase
    return elapsed;
}

async Task<(TimeSpan Time, int Instructions, int New, decimal Amount, long PeakManagedBytes, long PeakWorkingSet)> PayAsync()
{
    long peakManaged = 0, peakSet = 0;
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
            peakSet = Math.Max(peakSet, Environment.WorkingSet);
            try { await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, sampling.Token); } catch (OperationCanceledException) { }
        }
    });
    var at = DateTimeOffset.UtcNow;
    var clock = Stopwatch.StartNew();
    using var gate = new SemaphoreSlim(parallel);
    var results = await Task.WhenAll(Enumerable.Range(0, shards).Select(async shard =>
    {
        await gate.WaitAsync();
        try
        {
            return await runner.RunAsync(Root, period, shard, at, CancellationToken.None);
        }
        finally
        {
            gate.Release();
        }
    }));
    clock.Stop();
    await sampling.CancelAsync();
    await sampler;
    return (clock.Elapsed, results.Sum(r => r.Instructions), results.Sum(r => r.NewInstructions), results.Sum(r => r.Amount), peakManaged, peakSet);
}

GC.Collect();
var floorBefore = await FloorAsync("floorbefore");
var pay = await PayAsync();
var floorAfter = await FloorAsync("floorafter");
var rerun = await PayAsync();
double floor = (floorBefore.TotalSeconds + floorAfter.TotalSeconds) / 2;
decimal expected = Enumerable.Range(0, households).Sum(i => 300m + (i % 900) + 0.25m);

Console.WriteLine($"batch-write floor for {2L * households:N0} rows: {floorBefore.TotalSeconds:0.0} s before, {floorAfter.TotalSeconds:0.0} s after, mean {floor:0.0} s ({2 * households / floor:N0} rows/s)");
Console.WriteLine($"payroll: {pay.Time.TotalSeconds:0.0} s, {pay.Instructions:N0} instructions ({pay.New:N0} new), {pay.Amount:N2} yuan (expected {expected:N2}), " +
    $"{households / pay.Time.TotalSeconds:N0} households/s; peak managed heap {pay.PeakManagedBytes / 1048576.0:0} MiB, peak working set {pay.PeakWorkingSet / 1048576.0:0} MiB");
Console.WriteLine($"ratio payroll / floor: {pay.Time.TotalSeconds / floor:0.00} (goal ≤ 1.5)");
Console.WriteLine($"second run of the same period: {rerun.Time.TotalSeconds:0.0} s, {rerun.New:N0} new instructions, {rerun.Amount:N2} yuan");
if (pay.Instructions != households || pay.Amount != expected || rerun.New != 0) { Console.Error.WriteLine("MISMATCH"); return 1; }
return 0;
