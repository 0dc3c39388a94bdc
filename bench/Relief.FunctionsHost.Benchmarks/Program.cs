using System.Diagnostics;
using System.Text.Json;
using Relief.FunctionsHost.Benchmarks;

// The local Functions host benchmark. Each side is measured in the same run, on the same private Azurite:
//   HTTP:    requests through the host to the conformance app's Echo function, versus a plain ASP.NET Core
//            server doing the same work (no host, no worker).
//   Durable: HelloSequence5 and a 100-activity fan-out through host + worker (sidecar), on two hosts of the same
//            app: one on the Durable Task Framework's Azure Storage provider, one on Relief's lean provider.
// Usage: dotnet run -c Release --project bench/Relief.FunctionsHost.Benchmarks -- [orchestrations=100] [requests=3000] [concurrency=16] [rounds=2] [http]
// ("http" as the fifth argument runs the HTTP part only.)
var orchestrations = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100;
var requests = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3000;
var concurrency = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16;
var rounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2;
var httpOnly = args.Length > 4 && args[4] == "http";
var durableOnly = args.Length > 4 && args[4] == "durable";
Console.WriteLine($"Local Functions host benchmark: {orchestrations} orchestrations, {requests} HTTP requests at concurrency {concurrency}, {rounds} alternating rounds, {Environment.ProcessorCount} cores");

await using var azurite = await Azurite.StartAsync();
var root = FindRoot();
var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
var hostDll = Path.Combine(root, "shared", "Relief.FunctionsHost", "bin", configuration, "net10.0", "Relief.FunctionsHost.dll");
var app = Path.Combine(root, "tests", "Relief.FunctionsHost.ConformanceApp", "bin", configuration, "net10.0");
var hostHub = "BenchHost" + Environment.ProcessId;
var host = await StartHostAsync(hostDll, app, azurite.ConnectionString, hostHub);
var echo = await EchoServer.StartAsync(Azurite.FreePort());
var echoUri = new Uri(echo.Urls.First() + "/");
var hostUri = new Uri($"http://127.0.0.1:{host.Port}/");

// HTTP: warm both, then alternate ("durable" as the fifth argument skips this part).
var http = new List<(HttpResult Direct, HttpResult Host)>();
if (!durableOnly)
{
    await HttpLoad.RunAsync("warm-up", echoUri, 300, concurrency);
    await HttpLoad.RunAsync("warm-up", hostUri, 300, concurrency);
}

for (var r = 0; r < (durableOnly ? 0 : rounds); r++)
{
    var direct = await HttpLoad.RunAsync("plain ASP.NET Core (baseline)", echoUri, requests, concurrency);
    var hostCpu = Cpu.Seconds(host.Process.Id, includeChildren: false);
    var treeCpu = Cpu.Seconds(host.Process.Id, includeChildren: true);
    var through = await HttpLoad.RunAsync("host -> worker Echo function", hostUri, requests, concurrency);
    var hostMs = 1000 * (Cpu.Seconds(host.Process.Id, includeChildren: false) - hostCpu) / requests;
    var workerMs = 1000 * (Cpu.Seconds(host.Process.Id, includeChildren: true) - treeCpu) / requests - hostMs;
    Console.WriteLine(direct);
    Console.WriteLine($"{through}   = {100 * through.RequestsPerSecond / direct.RequestsPerSecond:F0}% of baseline");
    Console.WriteLine($"  CPU per request: host {hostMs:F2} ms, worker {workerMs:F2} ms -> the host's share {100 * hostMs / (hostMs + workerMs):F0}%; worker alone at this CPU could serve at most {through.RequestsPerSecond * (hostMs + workerMs) / workerMs:F0} req/s, the host reaches {100 * workerMs / (hostMs + workerMs):F0}% of that");
    http.Add((direct, through));
}

if (httpOnly)
{
    if (http.Count > 0) Console.WriteLine($"HTTP summary: host {http.Average(h => h.Host.RequestsPerSecond):F0} req/s vs baseline {http.Average(h => h.Direct.RequestsPerSecond):F0} req/s");
    await echo.StopAsync();
    host.Process.Kill(entireProcessTree: true);
    return 0;
}

// Durable: the same app on a second host whose durable provider is Relief's lean one; warm both, then alternate
// HelloSequence5 and the 100-activity fan-out on fresh instance ids (the order swapped every round).
var leanHub = "BenchLean" + Environment.ProcessId;
var leanHost = await StartHostAsync(hostDll, app, azurite.ConnectionString, leanHub, "Relief");
var leanUri = new Uri($"http://127.0.0.1:{leanHost.Port}/");
var azureClient = DurableLoad.AzureStorageClient(azurite.ConnectionString, hostHub);
var leanClient = DurableLoad.LeanClient(azurite.ConnectionString, leanHub);
const string Greetings = "[\"Hello Qingdao\",\"Hello Quanzhou\",\"Hello Liyang\",\"Hello Shijiazhuang\",\"Hello Jinan\"]";
// Warm both as much as a round (JIT tiers, thread pools, connection pools): a first round after a warm-up of 20 ran
// lean HelloSequence5 at a third of its later rounds' rate.
foreach (var (side, uri, pid, client, hub) in new[] { ("azure", hostUri, host.Process.Id, azureClient, hostHub), ("lean", leanUri, leanHost.Process.Id, leanClient, leanHub) })
{
    await DurableLoad.RunAsync($"warm-{side}-HelloSequence5", uri, pid, client, hub, "HelloSequence5", null, Greetings, orchestrations, azurite);
    await DurableLoad.RunAsync($"warm-{side}-FanOut100", uri, pid, client, hub, "FanOutFanIn", 100, "338350", 2, azurite);
}

Console.WriteLine($"idle storage requests/s (all hubs and listeners): {await DurableLoad.IdleRequestsPerSecondAsync(azurite, TimeSpan.FromSeconds(3)):F1}");
var fanOuts = Math.Max(5, orchestrations / 10);
var durable = new List<(string Kind, DurableResult Azure, DurableResult Lean)>();
for (var r = 0; r < rounds; r++)
{
    // FanOutFanIn(100) returns the sum of the squares of 1..100.
    foreach (var (kind, name, input, expected, count) in new[] { ("HelloSequence5", "HelloSequence5", (object?)null, Greetings, orchestrations), ("FanOut100", "FanOutFanIn", (object?)100, "338350", fanOuts) })
    {
        DurableResult azure, lean;
        if (r % 2 == 0)
        {
            azure = await DurableLoad.RunAsync($"azure-{kind}-{r}", hostUri, host.Process.Id, azureClient, hostHub, name, input, expected, count, azurite);
            lean = await DurableLoad.RunAsync($"lean-{kind}-{r}", leanUri, leanHost.Process.Id, leanClient, leanHub, name, input, expected, count, azurite);
        }
        else
        {
            lean = await DurableLoad.RunAsync($"lean-{kind}-{r}", leanUri, leanHost.Process.Id, leanClient, leanHub, name, input, expected, count, azurite);
            azure = await DurableLoad.RunAsync($"azure-{kind}-{r}", hostUri, host.Process.Id, azureClient, hostHub, name, input, expected, count, azurite);
        }

        Console.WriteLine($"round {r} {kind}: DTFx Azure Storage {azure.PerSecond:F1} orch/s, Relief lean {lean.PerSecond:F1} orch/s = {lean.PerSecond / azure.PerSecond:F1}x");
        durable.Add((kind, azure, lean));
    }
}

// Count each run's requests between its two marks (each hub's own; the other host's idle polling meanwhile is not
// counted), less the observer's state reads (one request each), and each hub's requests over the whole benchmark.
// Stop both hosts first, then wait until Azurite's log stops growing: it is written well behind the requests.
host.Process.Kill(entireProcessTree: true);
leanHost.Process.Kill(entireProcessTree: true);
await azurite.WaitForQuietLogAsync(TimeSpan.FromSeconds(3));
var windows = durable.SelectMany(d => new[] { d.Azure, d.Lean }).Select(d => (d.Hub, d.From, d.To)).ToList();
var counted = azurite.Requests(windows);
for (var i = 0; i < durable.Count; i++)
{
    var (kind, azure, lean) = durable[i];
    durable[i] = (kind, azure with { RequestsPerOrchestration = (double)(counted[2 * i] - azure.ObserverReads) / azure.Count }, lean with { RequestsPerOrchestration = (double)(counted[2 * i + 1] - lean.ObserverReads) / lean.Count });
}

Console.WriteLine();
Console.WriteLine("Every round (storage requests counted from Azurite's log between the run's marks, the observer's state reads subtracted):");
foreach (var (kind, azure, lean) in durable)
{
    Console.WriteLine(azure with { Label = $"{azure.Label} (DTFx Azure Storage)" });
    Console.WriteLine($"{lean with { Label = $"{lean.Label} (Relief lean)" }}   = {lean.PerSecond / azure.PerSecond:F1}x throughput, {lean.RequestsPerOrchestration / azure.RequestsPerOrchestration:F2} of the requests");
}

var total = orchestrations + 2 + rounds * (orchestrations + fanOuts); // one hub's: its warm-up and its rounds
var perAzure = (double)azurite.Requests(hostHub) / total;
var perLean = (double)azurite.Requests(leanHub) / total;
Console.WriteLine();
Console.WriteLine($"Storage requests per orchestration over the whole run (each hub's own, idle polling and the HTTP test's hub traffic included): Azure Storage {perAzure:F1}, lean {perLean:F1}");
if (http.Count > 0) Console.WriteLine($"HTTP summary: host {http.Average(h => h.Host.RequestsPerSecond):F0} req/s vs baseline {http.Average(h => h.Direct.RequestsPerSecond):F0} req/s " +
                  $"= {100 * http.Average(h => h.Host.RequestsPerSecond) / http.Average(h => h.Direct.RequestsPerSecond):F0}%; p99 {http.Average(h => h.Host.P99):F1} vs {http.Average(h => h.Direct.P99):F1} ms");
foreach (var group in durable.GroupBy(d => d.Kind))
{
    var a = group.Average(d => d.Azure.PerSecond);
    var l = group.Average(d => d.Lean.PerSecond);
    Console.WriteLine($"Durable summary {group.Key}: lean {l:F1} orch/s vs Azure Storage {a:F1} orch/s = {l / a:F1}x; requests/orch {group.Average(d => d.Lean.RequestsPerOrchestration):F1} vs {group.Average(d => d.Azure.RequestsPerOrchestration):F1} = {group.Average(d => d.Lean.RequestsPerOrchestration) / group.Average(d => d.Azure.RequestsPerOrchestration):F2}");
}

await echo.StopAsync();
return 0;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Relief.Functions.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException("Run from inside the repository.");
}

static async Task<(Process Process, int Port)> StartHostAsync(string hostDll, string app, string connection, string hub, string provider = "AzureStorage")
{
    var settings = Path.Combine(Path.GetTempPath(), $"bench-host-{Environment.ProcessId}.json");
    await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
    {
        Values = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = connection, ["StringQueue"] = "bench-string", ["PocoQueue"] = "bench-poco", ["SdkQueue"] = "bench-sdk",
            ["FlakyQueue"] = "bench-flaky", ["ReceivedQueue"] = "bench-received", ["StartQueue"] = "bench-start", ["TickQueue"] = "bench-ticks",
            ["TickSchedule"] = "0 0 0 1 1 *",
        },
    }));
    var port = Azurite.FreePort();
    var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in new[] { hostDll, "--script-root", app, "--settings", settings, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
    start.Environment["AzureFunctionsJobHost__extensions__durableTask__hubName"] = hub;
    start.Environment["AzureFunctionsJobHost__extensions__durableTask__storageProvider__type"] = provider;
    start.Environment["AzureFunctionsJobHost__logging__logLevel__default"] = "Warning";
    var process = Process.Start(start)!;
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    using var client = new HttpClient();
    for (var i = 0; i < 300; i++)
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
