using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Relief.Cases.Payments;
using Relief.Cases.Statistics;
using Relief.Cases.Storage.Statistics;
using Relief.FunctionsHost.Benchmarks;

// Usage: dotnet run -c Release --project bench/Relief.Statistics.Benchmarks -- [enrolments=1000000] [parallel=16] [scans=3]
// Seeds (not timed) N enrolments in 10 districts and 2 programs twice: as rows of an enrolment table (what a report
// computed at read time would scan), and as the statistics events the app records for one month over them, through
// StatisticsStore.RecordAsync — the payroll's per-shard events (households, persons, yuan), 1% applications and
// decisions, and the reviews due that month (1/12 of the households, one event each). Then measures, alternating three
// times: reading the month's statistics (StatisticsStore.ReadMonthAsync, every district) and computing the households,
// persons and yuan of the month by a full scan of the enrolments; plus Azurite's raw point read as the baseline. Reports
// latency and storage requests per read (counted on the client's pipeline) and checks both give the same figures.
// The full scan runs in the first `scans` rounds only (at 1,000,000 enrolments one scan on in-memory Azurite takes
// minutes); every round reads the statistics and checks them against the expected figures.
int enrolments = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
int parallel = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
int scans = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
var month = new PayPeriod(2031, 3);
string[] districts = [.. Enumerable.Range(0, 10).Select(d => $"bench/d{d}")];
string[] programs = ["dibao", "tekun"];
const int PayrollShards = 16;

Environment.SetEnvironmentVariable("NODE_OPTIONS", "--max-old-space-size=16384");
await using var azurite = await Azurite.StartAsync();
var counter = new RequestCounter();
var clientOptions = new TableClientOptions();
clientOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
var tables = new TableServiceClient(azurite.ConnectionString, clientOptions);
var store = new StatisticsStore(tables, Options.Create(new StatisticsStorageOptions()));
await store.InitializeAsync(CancellationToken.None);
var enrolled = tables.GetTableClient("enrolments");
await enrolled.CreateIfNotExistsAsync();

Console.WriteLine($"enrolments {enrolments:N0}, parallel {parallel}, {Environment.ProcessorCount} cores");
static (string District, string Program, int Members, decimal Amount, int Shard) EnrolmentOf(int i, string[] districts, string[] programs) =>
    (districts[i % districts.Length], programs[i / districts.Length % 7 == 0 ? 1 : 0], 1 + i % 4, 300m + i % 500 + (i % 100) / 100m, i % PayrollShards);

var seed = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, enrolments).GroupBy(i => EnrolmentOf(i, districts, programs).District + "|" + EnrolmentOf(i, districts, programs).Shard)
    .SelectMany(g => g.Chunk(100).Select(chunk => (g.Key, chunk))), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (batch, ct) =>
    await enrolled.SubmitTransactionAsync(batch.chunk.Select(i =>
    {
        var e = EnrolmentOf(i, districts, programs);
        return new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(batch.Key.Replace('/', '~'), $"hh-{i:0000000}")
        {
            ["Program"] = e.Program, ["Members"] = e.Members, ["Amount"] = e.Amount.ToString(CultureInfo.InvariantCulture),
        });
    }), ct));
Console.WriteLine($"enrolment rows seeded in {seed.Elapsed.TotalSeconds:0.0} s");

seed.Restart();
var events = new List<StatisticsEvent>();
foreach (var group in Enumerable.Range(0, enrolments).GroupBy(i => { var e = EnrolmentOf(i, districts, programs); return (e.District, e.Program, e.Shard); }))
{
    var rows = group.Select(i => EnrolmentOf(i, districts, programs)).ToArray();
    events.Add(new StatisticsEvent($"payroll|{month}|bench|{group.Key.Shard}|{group.Key.District}|{group.Key.Program}", group.Key.District, group.Key.Program, month,
        new Dictionary<StatisticsMetric, long>
        {
            [StatisticsMetric.Households] = rows.Length, [StatisticsMetric.Persons] = rows.Sum(r => (long)r.Members), [StatisticsMetric.InstructedFen] = rows.Sum(r => Fen.Of(r.Amount)),
        }));
}

for (int i = 0; i < enrolments; i++)
{
    var e = EnrolmentOf(i, districts, programs);
    if (i % 100 == 0) events.Add(StatisticsEvent.One($"case|c{i}|received", e.District, e.Program, month, StatisticsMetric.Applications));
    if (i % 100 == 1) events.Add(new StatisticsEvent($"case|c{i}|decided", e.District, e.Program, month, new Dictionary<StatisticsMetric, long> { [StatisticsMetric.Approvals] = 1, [StatisticsMetric.DecisionWorkingDays] = i % 20 }));
    if (i % 12 == 0) events.Add(StatisticsEvent.One($"review-due|{e.Program}|hh-{i}|{month}", e.District, e.Program, month, StatisticsMetric.ReviewsDue));
}

long beforeEvents = counter.Count;
await Parallel.ForEachAsync(events, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (e, ct) => await store.RecordAsync(e, ct));
long eventRequests = counter.Count - beforeEvents;
Console.WriteLine($"{events.Count:N0} statistics events recorded in {seed.Elapsed.TotalSeconds:0.0} s");

long expectedHouseholds = enrolments, expectedPersons = Enumerable.Range(0, enrolments).Sum(i => (long)EnrolmentOf(i, districts, programs).Members);
for (int round = 1; round <= 3; round++)
{
    var (readTime, readRequests, read) = await MeasureAsync(async () =>
    {
        var figures = await store.ReadMonthAsync(month, _ => true, null, CancellationToken.None);
        return (figures.Sum(f => f[StatisticsMetric.Households]), figures.Sum(f => f[StatisticsMetric.Persons]));
    });
    var (scanTime, scanRequests, scanned) = round > scans ? (TimeSpan.Zero, 0L, read) : await MeasureAsync(async () =>
    {
        long households = 0, persons = 0;
        await foreach (TableEntity row in enrolled.QueryAsync<TableEntity>(maxPerPage: 1000, select: ["Members", "Amount"]))
        {
            households++;
            persons += row.GetInt32("Members") ?? 0;
        }

        return (households, persons);
    });
    var (pointTime, pointRequests, _) = await MeasureAsync(async () =>
    {
        await enrolled.GetEntityIfExistsAsync<TableEntity>("bench~d0|0", "hh-0000000");
        return (0L, 0L);
    });
    if (read != (expectedHouseholds, expectedPersons) || scanned != read)
    {
        Console.Error.WriteLine($"MISMATCH: expected {expectedHouseholds}/{expectedPersons}, statistics {read}, scan {scanned}");
        return 1;
    }

    var scanText = round > scans ? "full scan not repeated" : string.Create(CultureInfo.InvariantCulture, $"full scan {scanTime.TotalSeconds:0.00} s, {scanRequests} requests, scan/read {scanTime / readTime:0}×");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round}: statistics read {readTime.TotalMilliseconds:0.0} ms, {readRequests} requests; {scanText}; raw point read {pointTime.TotalMilliseconds:0.0} ms ({pointRequests} request); read/point {readTime / pointTime:0.0}×"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recording: {(double)eventRequests / events.Count:0.00} requests per event (a read of the counter and one transaction, plus retries on contention)"));
return 0;

async Task<(TimeSpan Time, long Requests, (long, long) Found)> MeasureAsync(Func<Task<(long, long)>> work)
{
    long before = counter.Count;
    var clock = Stopwatch.StartNew();
    var found = await work();
    return (clock.Elapsed, counter.Count - before, found);
}
