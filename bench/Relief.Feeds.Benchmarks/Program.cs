using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Relief.Domain.Households;
using Relief.FunctionsHost.Benchmarks;
using Relief.Functions.Benchmarks;

// A burst of medical self-pay records (医保局) on the feed queue, drained by Relief through the local Functions host:
// records/s from the first message to the empty queue, leads raised, storage requests per record. Next to it, in the
// same run on the same private Azurite: the raw queue capacity (send + receive + delete of one message, at the host's
// queue concurrency), before and after, so the figure reads as a share of what the emulator can do right now.
// Usage: dotnet run -c Release --project bench/Relief.Feeds.Benchmarks -- [records=100000] [aboveThresholdPercent=10]
int records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
int abovePercent = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
const int Concurrency = 24; // host.json queues: batchSize 16 + newBatchThreshold 8
const string RawPrefix = "rawq";
Console.WriteLine($"Relief feed benchmark: {records} medical records ({abovePercent}% above the threshold) through the local host, {Environment.ProcessorCount} cores");

await using var azurite = await Azurite.StartAsync();
string root = FindRoot();
string configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
string id = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
string queueName = "bench-feed-medical-" + id;

double rawBefore = await RawQueueOpsPerSecondAsync(azurite.ConnectionString, 5_000);
Console.WriteLine($"Azurite raw queue capacity (before): {rawBefore:F0} messages/s (send+receive+delete) at concurrency {Concurrency}");

// The burst: 32 senders post the records as fast as Azurite takes them, the host draining meanwhile. In-memory Azurite
// slows down as one queue grows (a first run with the whole burst enqueued ahead timed out at 100 s per request), so the
// senders pause while more than MaxBacklog messages wait: the backlog stays large enough to keep the host's queue
// concurrency saturated. Timed from the first send to the queue empty after the last.
const int MaxBacklog = 5_000;
var queue = new QueueClient(azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
await queue.CreateAsync();
await RequestLog.SettledAsync(azurite.Log);
long before = RequestLog.CountExcept(azurite.Log, RawPrefix);
var (host, port) = await StartHostAsync(root, configuration, azurite.ConnectionString, id, queueName);
int next = -1, expectedLeads = 0, backlog = 0;
var drain = Stopwatch.StartNew();
using var watching = new CancellationTokenSource();
var watcher = Task.Run(async () =>
{
    int lastReport = -1;
    while (!watching.IsCancellationRequested)
    {
        backlog = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        int sent = Math.Min(records, Volatile.Read(ref next) + 1);
        int done = sent - backlog;
        int tenth = done * 10 / records;
        if (tenth != lastReport)
        {
            lastReport = tenth;
            Console.WriteLine($"  {drain.Elapsed.TotalSeconds,6:F0} s: {sent} sent, about {done} processed ({done / Math.Max(1, drain.Elapsed.TotalSeconds):F0}/s), backlog {backlog}");
        }

        await Task.Delay(1000);
    }
});
await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < records)
    {
        while (Volatile.Read(ref backlog) > MaxBacklog) await Task.Delay(200);
        bool above = i % 100 < abovePercent;
        if (above) Interlocked.Increment(ref expectedLeads);
        var message = new { recordId = "yb-" + i, residentId = PersonId(i), jurisdiction = "qingdao/shinan", year = 2026, selfPaid = above ? 45_000m : 12_000m, asOf = "2026-11-30" };
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message))));
        if (i % 64 == 0) Interlocked.Increment(ref backlog); // between polls, count own sends so a pause starts in time
    }
}));
Console.WriteLine($"all {records} sent after {drain.Elapsed.TotalSeconds:F1} s");
while ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0) await Task.Delay(500);
await watching.CancelAsync();
await watcher;
double seconds = drain.Elapsed.TotalSeconds;
await Task.Delay(3000);
host.Kill(entireProcessTree: true);
await RequestLog.SettledAsync(azurite.Log);
long requests = RequestLog.CountExcept(azurite.Log, RawPrefix) - before;

var leads = new TableClient(azurite.ConnectionString, "benchleads" + id);
long leadRows = 0;
await foreach (var _ in leads.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {"j|"} and PartitionKey lt {"j}"}"), select: ["RowKey"])) leadRows++;
var recordsTable = new TableClient(azurite.ConnectionString, "benchfeedrecords" + id);
long applied = 0;
await foreach (var row in recordsTable.QueryAsync<TableEntity>(select: ["Applied"])) if (row.GetBoolean("Applied") == true) applied++;
var poison = new QueueClient(azurite.ConnectionString, queueName + "-poison");
int poisoned = (await poison.ExistsAsync()).Value ? (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;

double rawAfter = await RawQueueOpsPerSecondAsync(azurite.ConnectionString, 5_000);
Console.WriteLine($"Azurite raw queue capacity (after):  {rawAfter:F0} messages/s");
double raw = (rawBefore + rawAfter) / 2;
double rate = records / seconds;
Console.WriteLine();
Console.WriteLine($"records applied: {applied} of {records}; poisoned {poisoned}; drained in {seconds:F1} s = {rate:F0} records/s");
Console.WriteLine($"leads raised: {leadRows} (expected {expectedLeads}: one per person above 45,000 > 40,000)");
Console.WriteLine($"storage requests per record (host start to stop, queue polling included): {(double)requests / records:F1}");
Console.WriteLine($"records/s as a share of Azurite's raw queue capacity ({raw:F0} messages/s): {100 * rate / raw:F0}%");
return applied == records && leadRows == expectedLeads && poisoned == 0 ? 0 : 1;

// Distinct valid resident IDs: birth dates from 1950 on, sequence 000–999 under each.
static string PersonId(int i)
{
    string body = "370202" + new DateOnly(1950, 1, 1).AddDays(i / 1000).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (i % 1000).ToString("000", CultureInfo.InvariantCulture);
    return body + ResidentIdNumber.ComputeCheckCharacter(body);
}

static async Task<double> RawQueueOpsPerSecondAsync(string connection, int messages)
{
    var raw = new QueueClient(connection, RawPrefix + Guid.NewGuid().ToString("N")[..12]);
    await raw.CreateAsync();
    var clock = Stopwatch.StartNew();
    int sent = -1;
    await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
    {
        while (Interlocked.Increment(ref sent) < messages)
        {
            await raw.SendMessageAsync("{\"recordId\":\"x\"}");
            var received = (await raw.ReceiveMessagesAsync(1)).Value;
            foreach (var m in received) await raw.DeleteMessageAsync(m.MessageId, m.PopReceipt);
        }
    }));
    double rate = messages / clock.Elapsed.TotalSeconds;
    await raw.DeleteAsync();
    return rate;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Relief.Functions.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException("Run from inside the repository.");
}

static async Task<(Process Process, int Port)> StartHostAsync(string root, string configuration, string connection, string id, string queueName)
{
    var hostDll = Path.Combine(root, "shared", "Relief.FunctionsHost", "bin", configuration, "net10.0", "Relief.FunctionsHost.dll");
    var app = Path.Combine(root, "functions", "Relief.Functions", "bin", configuration, "net10.0");
    var settings = Path.Combine(Path.GetTempPath(), $"bench-feeds-{id}.json");
    var values = new Dictionary<string, string>
    {
        ["AzureWebJobsStorage"] = connection,
        ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
        ["Relief:Auth:DevelopmentKeyFile"] = Path.Combine(Path.GetTempPath(), $"bench-feeds-{id}-signin-key"),
        ["Relief:Cases:Beneficiary:Key"] = Convert.ToBase64String("benchmark-key-not-a-secret-0123456789abcdef"u8.ToArray()),
        ["HeartbeatSchedule"] = "0 0 0 1 1 *",
        ["PayrollSchedule"] = "0 0 0 1 1 *",
        ["ReviewYearlySchedule"] = "0 0 0 1 1 *",
        ["ReviewHalfYearlySchedule"] = "0 0 0 1 1 *",
        ["LeadEscalationSchedule"] = "0 0 0 1 1 *",
        ["Relief:Payments:Storage:BatchQueueName"] = "bench-batches-" + id,
        ["Relief:Payments:Bank:StatusQueueName"] = "bench-bank-status-" + id,
        ["Relief:Cases:Verification:AnswerQueueName"] = "bench-ev-answers-" + id,
        ["Relief:Feeds:DeathsQueueName"] = "bench-feed-deaths-" + id,
        ["Relief:Feeds:DisabilityQueueName"] = "bench-feed-disability-" + id,
        ["Relief:Feeds:MedicalQueueName"] = queueName,
        ["Relief:Feeds:HukouQueueName"] = "bench-feed-hukou-" + id,
        ["Relief:Feeds:CustodyQueueName"] = "bench-feed-custody-" + id,
        ["Relief:Feeds:JobsQueueName"] = "bench-feed-jobs-" + id,
        ["Relief:Feeds:Storage:RecordsTableName"] = "benchfeedrecords" + id,
        ["Relief:Feeds:Storage:PeopleTableName"] = "benchpeople" + id,
        ["Relief:Feeds:Storage:LeadsTableName"] = "benchleads" + id,
        ["Relief:Feeds:Storage:VisitsTableName"] = "benchvisits" + id,
        ["Relief:Feeds:Storage:HandoversTableName"] = "benchhandovers" + id,
    };
    await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new { Values = values }));
    var port = Azurite.FreePort();
    var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in new[] { hostDll, "--script-root", app, "--settings", settings, "--port", port.ToString(CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
    start.Environment["AzureFunctionsJobHost__extensions__durableTask__hubName"] = "BenchFeeds" + id;
    start.Environment["AzureFunctionsJobHost__logging__logLevel__default"] = "Warning";
    var process = Process.Start(start)!;
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    using var client = new HttpClient();
    for (var i = 0; i < 450; i++)
    {
        try
        {
            if ((await client.GetStringAsync($"http://127.0.0.1:{port}/admin/host/status")).Contains("\"Running\"", StringComparison.Ordinal)) return (process, port);
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(200);
    }

    throw new TimeoutException("The host did not start.");
}
