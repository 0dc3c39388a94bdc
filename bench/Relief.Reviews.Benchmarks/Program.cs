using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Relief.Cases.Payments;
using Relief.Cases.Storage.Reviews;
using Relief.Domain.Reviews;
using Relief.FunctionsHost.Benchmarks;

// Usage: dotnet run -c Release --project bench/Relief.Reviews.Benchmarks -- [households=1000000] [parallel=8] [scans=2]
// Seeds N enrolled households' review schedules and the due index (not timed), spread over 12 due months and the two
// cadences (5/6 yearly, 1/6 half-yearly), then measures in one run, alternating twice: selecting the yearly households
// due in one month through the due index (ReviewStore.ReadDueAsync, pages of 1,000 — what a sweep reads) and the same
// selection by a full scan of every enrolment (the household rows, filtered on their next-review date). Reports time
// and storage requests of each (counted on the client's pipeline), and checks both find the same households.
// The full scan runs in the first `scans` rounds only (at 1,000,000 one scan on in-memory Azurite takes minutes).
// Azurite runs with azurite-key-lookup.js preloaded (its insert-time existence check looks the narrower key up first;
// see the file) and without its debug log: both only make seeding feasible; what is measured is unchanged.
int households = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
int parallel = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
int scans = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
var month = new PayPeriod(2031, 3);

var keyLookup = Path.Combine(AppContext.BaseDirectory, "azurite-key-lookup.js");
Environment.SetEnvironmentVariable("NODE_OPTIONS", $"--max-old-space-size=16384 --require \"{keyLookup}\"");
await using var azurite = await Azurite.StartAsync(requestLog: false);
var counter = new RequestCounter();
var clientOptions = new TableClientOptions();
clientOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
var tables = new TableServiceClient(azurite.ConnectionString, clientOptions);
var storage = new ReviewStorageOptions();
var store = new ReviewStore(tables, Options.Create(storage));
await store.InitializeAsync(CancellationToken.None);
var schedules = tables.GetTableClient(storage.TableName);
var due = tables.GetTableClient(storage.DueTableName);

Console.WriteLine($"households {households:N0}, parallel {parallel}, {Environment.ProcessorCount} cores");
var seed = Stopwatch.StartNew();
static (ReviewFrequency Frequency, DateOnly Next) ScheduleOf(int i) =>
    (i % 6 == 0 ? ReviewFrequency.HalfYearly : ReviewFrequency.Yearly, new DateOnly(2031, 1 + (i / 7 % 12), 1 + (i % 28)));

// The due index: one partition per cadence and month, so rows go in transactions of 100.
int dueWritten = 0;
foreach (var partition in Enumerable.Range(0, households).GroupBy(i => ReviewStore.DuePartition(ScheduleOf(i).Frequency, PayPeriod.Of(ScheduleOf(i).Next))))
{
    await Parallel.ForEachAsync(partition.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (chunk, ct) =>
    {
        await due.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add, DueRow(partition.Key, i))), ct);
        Progress(ref dueWritten, chunk.Length, "due rows");
    });
}

Console.WriteLine($"due index seeded in {seed.Elapsed.TotalSeconds:0.0} s");

// Each household's schedule is its own partition (household|{id}): written one by one.
int written = 0;
await Parallel.ForEachAsync(Enumerable.Range(0, households), new ParallelOptions { MaxDegreeOfParallelism = parallel * 4 }, async (i, ct) =>
{
    await schedules.AddEntityAsync(HouseholdRow(i), ct);
    Progress(ref written, 1, "schedule rows");
});
Console.WriteLine($"seeded in {seed.Elapsed.TotalSeconds:0.0} s");

// One line each time the rows written cross a multiple of 100,000.
void Progress(ref int count, int added, string what)
{
    int now = Interlocked.Add(ref count, added);
    if (now / 100_000 != (now - added) / 100_000) Console.WriteLine($"  {now:N0} {what} at {seed.Elapsed.TotalSeconds:0} s");
}

int expected = Enumerable.Range(0, households).Count(i => ScheduleOf(i).Frequency == ReviewFrequency.Yearly && PayPeriod.Of(ScheduleOf(i).Next) == month);
var rounds = new List<string>();
for (int round = 1; round <= 2; round++)
{
    var (indexTime, indexRequests, indexFound) = await MeasureAsync(async () =>
    {
        int found = 0;
        string? token = null;
        do
        {
            var page = await store.ReadDueAsync(ReviewFrequency.Yearly, month, token, 1000, CancellationToken.None);
            found += page.Households.Count;
            token = page.ContinuationToken;
        }
        while (token is not null);
        return found;
    });
    var (scanTime, scanRequests, scanFound) = round > scans ? (TimeSpan.Zero, 0L, indexFound) : await MeasureAsync(async () =>
    {
        int found = 0;
        string from = month.ToString() + "-01", to = month.Next.ToString() + "-01";
        string filter = TableClient.CreateQueryFilter($"PartitionKey ge {"household|"} and PartitionKey lt {"household}"}");
        await foreach (TableEntity row in schedules.QueryAsync<TableEntity>(filter, maxPerPage: 1000))
        {
            string next = row.GetString("NextReview");
            if (row.GetString("Frequency") == nameof(ReviewFrequency.Yearly) && string.CompareOrdinal(next, from) >= 0 && string.CompareOrdinal(next, to) < 0) found++;
        }

        return found;
    });
    if (indexFound != expected || scanFound != expected)
    {
        Console.Error.WriteLine($"MISMATCH: expected {expected}, index found {indexFound}, scan found {scanFound}");
        return 1;
    }

    string scan = round > scans ? "full scan not repeated" : string.Create(CultureInfo.InvariantCulture,
        $"full scan {scanTime.TotalSeconds:0.000} s, {scanRequests} requests; scan/index time {scanTime / indexTime:0.0}×, requests {(double)scanRequests / indexRequests:0.0}×");
    string line = string.Create(CultureInfo.InvariantCulture,
        $"round {round}: {expected:N0} due of {households:N0} — index {indexTime.TotalSeconds:0.000} s, {indexRequests} requests; {scan}");
    rounds.Add(line);
    Console.WriteLine(line);
}

return 0;

async Task<(TimeSpan Time, long Requests, int Found)> MeasureAsync(Func<Task<int>> select)
{
    long before = counter.Count;
    var clock = Stopwatch.StartNew();
    int found = await select();
    return (clock.Elapsed, counter.Count - before, found);
}

static TableEntity DueRow(string partition, int i)
{
    var (frequency, next) = ScheduleOf(i);
    return new TableEntity(partition, $"dibao|hh-r{i:0000000}")
    {
        ["BeneficiaryId"] = $"hh-r{i:0000000}", ["Program"] = "dibao", ["Jurisdiction"] = "bench/area", ["CaseId"] = $"case-r{i:0000000}",
        ["Frequency"] = frequency.ToString(), ["DueDate"] = next.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}

static TableEntity HouseholdRow(int i)
{
    var (frequency, next) = ScheduleOf(i);
    return new TableEntity($"household|hh-r{i:0000000}", "dibao")
    {
        ["BeneficiaryId"] = $"hh-r{i:0000000}", ["Program"] = "dibao", ["Jurisdiction"] = "bench/area", ["CaseId"] = $"case-r{i:0000000}",
        ["Frequency"] = frequency.ToString(), ["NextReview"] = next.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Active"] = true, ["Warnings"] = "[]",
    };
}
