using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Relief.Functions.Benchmarks;
using Relief.FunctionsHost.Benchmarks;

// Relief through the local Functions host: N portal clients each submit applications one after another
// (closed loop) for a fixed time. Next to it, in the same run and on the same private Azurite: Azurite's raw
// capacity (single-entity table inserts at the same concurrency, before and after), so the figures read as a
// share of what the storage emulator can do on this machine at this moment.
// Usage: dotnet run -c Release --project bench/Relief.Functions.Benchmarks -- [clients=16] [seconds=60]
var clients = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 16;
var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 60;
Console.WriteLine($"Relief portal benchmark: {clients} clients for {seconds} s through the local host, {Environment.ProcessorCount} cores");

await using var azurite = await Azurite.StartAsync();
var root = FindRoot();
var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
var hub = "BenchRelief" + Environment.ProcessId;
const string RawTablePrefix = "raw"; // the raw-capacity probe's tables; the app's requests are all the others

var rawBefore = await RawInsertsPerSecondAsync(azurite.ConnectionString, clients, TimeSpan.FromSeconds(10));
Console.WriteLine($"Azurite raw capacity (before): {rawBefore:F0} table inserts/s at concurrency {clients}");

var host = await StartHostAsync(root, configuration, azurite.ConnectionString, hub);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseProxy = false })
{
    BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/"),
    Timeout = TimeSpan.FromSeconds(60),
};
// The portal signs in as a window caseworker of Qingdao (a development token of the run's own key).
http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Relief.Identity.DevelopmentTokens.Issue(
    Relief.Identity.DevelopmentSigningKey.LoadOrCreate(SignInKeyFile()), new Relief.Identity.TokenRequest("bench-portal", [Relief.Identity.ReliefRoles.Caseworker], ["qingdao"]),
    TimeProvider.System.GetUtcNow(), TimeSpan.FromHours(4)));
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
var household = 0;

// Warm-up: JIT, connections, the task hub's first partitions. Not timed, but its applications are counted
// below with the storage requests they caused.
var warmUp = await SubmitForAsync(TimeSpan.FromSeconds(10));
await Task.Delay(TimeSpan.FromSeconds(5));

var run = await SubmitForAsync(TimeSpan.FromSeconds(seconds));
// Each submission starts a case workflow that keeps working after its 202 (deadline planning, waiting for
// acceptance): give it time, stop the host, let Azurite's log catch up (it lags seconds behind under load),
// then count every request the host and the app sent over the host's whole life.
await Task.Delay(TimeSpan.FromSeconds(15));
host.Process.Kill(entireProcessTree: true);
await RequestLog.SettledAsync(azurite.Log);
var requests = RequestLog.CountExcept(azurite.Log, RawTablePrefix);

var rawAfter = await RawInsertsPerSecondAsync(azurite.ConnectionString, clients, TimeSpan.FromSeconds(10));
Console.WriteLine($"Azurite raw capacity (after):  {rawAfter:F0} table inserts/s");

var raw = (rawBefore + rawAfter) / 2;
var perApplication = (double)requests / Math.Max(1, warmUp.Accepted + run.Accepted);
var ceiling = raw / perApplication;
Console.WriteLine();
Console.WriteLine($"applications accepted (202): {run.Accepted} in {run.Seconds:F1} s = {run.Accepted / run.Seconds:F1}/s; refused {run.Refused}, failed {run.Failed}");
Console.WriteLine($"latency: p50 {run.P50:F0} ms, p99 {run.P99:F0} ms, max {run.Max:F0} ms");
Console.WriteLine($"storage requests per application (host start to stop, warm-up's {warmUp.Accepted} applications included, start-up and idle polling included): {perApplication:F1}");
Console.WriteLine($"ceiling if every storage request cost one raw insert: {ceiling:F1} applications/s -> this run reached {100 * run.Accepted / run.Seconds / ceiling:F0}%");
return 0;

async Task<RunResult> SubmitForAsync(TimeSpan duration)
{
    var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
    int accepted = 0, refused = 0, failed = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        while (clock.Elapsed < duration)
        {
            var application = Applications.Dibao(Interlocked.Increment(ref household));
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsJsonAsync("api/applications", application, json);
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Accepted) Interlocked.Increment(ref accepted);
                else if ((int)response.StatusCode < 500) Interlocked.Increment(ref refused);
                else Interlocked.Increment(ref failed);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failed);
            }
        }
    }));
    var elapsed = clock.Elapsed.TotalSeconds;
    var sorted = latencies.Order().ToArray();
    return sorted.Length == 0
        ? new RunResult(accepted, refused, failed, elapsed, 0, 0, 0)
        : new RunResult(accepted, refused, failed, elapsed, sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.99)], sorted[^1]);
}

static async Task<double> RawInsertsPerSecondAsync(string connection, int concurrency, TimeSpan duration)
{
    var table = new TableClient(connection, RawTablePrefix + Guid.NewGuid().ToString("N")[..12]);
    await table.CreateIfNotExistsAsync();
    var payload = new string('x', 400);
    var count = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        var i = 0;
        while (clock.Elapsed < duration)
        {
            await table.AddEntityAsync(new TableEntity($"p{worker}", $"r{i++}") { ["Payload"] = payload });
            Interlocked.Increment(ref count);
        }
    }));
    var rate = count / clock.Elapsed.TotalSeconds;
    await table.DeleteAsync();
    return rate;
}

// The run's development signing key (the app validates with it; the portal's token is signed with it).
static string SignInKeyFile() => Path.Combine(Path.GetTempPath(), $"bench-relief-{Environment.ProcessId}-signin-key");

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Relief.Functions.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException("Run from inside the repository.");
}

static async Task<(Process Process, int Port)> StartHostAsync(string root, string configuration, string connection, string hub)
{
    var hostDll = Path.Combine(root, "shared", "Relief.FunctionsHost", "bin", configuration, "net10.0", "Relief.FunctionsHost.dll");
    var app = Path.Combine(root, "functions", "Relief.Functions", "bin", configuration, "net10.0");
    var settings = Path.Combine(Path.GetTempPath(), $"bench-relief-{Environment.ProcessId}.json");
    var id = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
    {
        Values = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = connection,
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["Relief:Auth:DevelopmentKeyFile"] = SignInKeyFile(),
            ["Relief:Cases:Beneficiary:Key"] = Convert.ToBase64String("benchmark-key-not-a-secret-0123456789abcdef"u8.ToArray()),
            ["HeartbeatSchedule"] = "0 0 0 1 1 *",
            ["PayrollSchedule"] = "0 0 0 1 1 *",
            ["ReviewYearlySchedule"] = "0 0 0 1 1 *",
            ["ReviewHalfYearlySchedule"] = "0 0 0 1 1 *",
            ["Relief:Payments:Storage:BatchQueueName"] = "bench-batches-" + id,
            ["Relief:Payments:Bank:StatusQueueName"] = "bench-bank-status-" + id,
            ["Relief:Cases:Store:TableName"] = "benchcases" + id,
            ["Relief:Cases:Payments:QueueName"] = "bench-payments-" + id,
            ["Relief:Cases:Supervision:QueueName"] = "bench-supervision-" + id,
            ["Relief:Cases:Verification:RequestQueueName"] = "bench-ev-requests-" + id,
            ["LeadEscalationSchedule"] = "0 0 0 1 1 *",
            ["Relief:Feeds:DeathsQueueName"] = "bench-feed-deaths-" + id,
            ["Relief:Feeds:DisabilityQueueName"] = "bench-feed-disability-" + id,
            ["Relief:Feeds:MedicalQueueName"] = "bench-feed-medical-" + id,
            ["Relief:Feeds:HukouQueueName"] = "bench-feed-hukou-" + id,
            ["Relief:Feeds:CustodyQueueName"] = "bench-feed-custody-" + id,
            ["Relief:Feeds:JobsQueueName"] = "bench-feed-jobs-" + id,
            ["Relief:Cases:Verification:AnswerQueueName"] = "bench-ev-answers-" + id,
        },
    }));
    var port = Azurite.FreePort();
    var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in new[] { hostDll, "--script-root", app, "--settings", settings, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
    start.Environment["AzureFunctionsJobHost__extensions__durableTask__hubName"] = hub;
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

internal sealed record RunResult(int Accepted, int Refused, int Failed, double Seconds, double P50, double P99, double Max);
