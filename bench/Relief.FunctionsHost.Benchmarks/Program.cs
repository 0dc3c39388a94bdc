using System.Diagnostics;
using System.Text.Json;
using DurableTask.Core;
using Relief.FunctionsHost.Benchmarks;

// The local Functions host benchmark. Each side is measured in the same run, on the same private Azurite:
//   HTTP:    requests through the host to the conformance app's Echo function, versus a plain ASP.NET Core
//            server doing the same work (no host, no worker).
//   Durable: HelloSequence5 through host + worker (sidecar, Azure Storage provider), versus the same provider
//            driven in this process by the Durable Task Framework's own TaskHubWorker.
// Usage: dotnet run -c Release --project bench/Relief.FunctionsHost.Benchmarks -- [orchestrations=100] [requests=3000] [concurrency=16] [rounds=2] [http]
// ("http" as the fifth argument runs the HTTP part only.)
var orchestrations = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100;
var requests = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3000;
var concurrency = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16;
var rounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2;
var httpOnly = args.Length > 4 && args[4] == "http";
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

// HTTP: warm both, then alternate.
await HttpLoad.RunAsync("warm-up", echoUri, 300, concurrency);
await HttpLoad.RunAsync("warm-up", hostUri, 300, concurrency);
var http = new List<(HttpResult Direct, HttpResult Host)>();
for (var r = 0; r < rounds; r++)
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
    Console.WriteLine($"HTTP summary: host {http.Average(h => h.Host.RequestsPerSecond):F0} req/s vs baseline {http.Average(h => h.Direct.RequestsPerSecond):F0} req/s");
    await echo.StopAsync();
    host.Process.Kill(entireProcessTree: true);
    return 0;
}

// Durable: warm both sides, then alternate on fresh instance ids.
var dtfxHub = "BenchDtfx" + Environment.ProcessId;
var dtfx = DurableLoad.Service(azurite.ConnectionString, dtfxHub);
await dtfx.CreateIfNotExistsAsync();
var worker = new TaskHubWorker(dtfx);
worker.AddTaskOrchestrations(new NameValueObjectCreator<TaskOrchestration>("HelloSequence5", "", typeof(HelloSequence5)));
worker.AddTaskActivities(new NameValueObjectCreator<TaskActivity>("SayHello", "", typeof(SayHello)));
await worker.StartAsync();
var hostClient = DurableLoad.Service(azurite.ConnectionString, hostHub);
await DurableLoad.RunAsync("warm-dtfx", dtfx, dtfxHub, "HelloSequence5", 20, azurite);
await DurableLoad.RunAsync("warm-host", hostClient, hostHub, "HelloSequence5", 20, azurite);
Console.WriteLine($"idle storage requests/s (all hubs and listeners): {await DurableLoad.IdleRequestsPerSecondAsync(azurite, TimeSpan.FromSeconds(3)):F1}; requests per orchestration below count each hub's own requests only");
var durable = new List<(DurableResult Dtfx, DurableResult Host)>();
for (var r = 0; r < rounds; r++)
{
    var inProcess = await DurableLoad.RunAsync($"dtfx-{r}", dtfx, dtfxHub, "HelloSequence5", orchestrations, azurite);
    var through = await DurableLoad.RunAsync($"host-{r}", hostClient, hostHub, "HelloSequence5", orchestrations, azurite);
    Console.WriteLine(inProcess with { Label = "DTFx TaskHubWorker in-process" });
    Console.WriteLine($"{through with { Label = "host + worker (sidecar)" }}   = {100 * through.PerSecond / inProcess.PerSecond:F0}% of baseline");
    durable.Add((inProcess, through));
}

// Azurite writes its debug log behind the requests: count each hub's requests over the whole benchmark once
// the log has settled. Both hubs existed (and polled when idle) for the same time.
await Task.Delay(TimeSpan.FromSeconds(3));
var perHost = (double)azurite.Requests(hostHub) / (20 + rounds * orchestrations);
var perDtfx = (double)azurite.Requests(dtfxHub) / (20 + rounds * orchestrations);
Console.WriteLine();
Console.WriteLine($"Storage requests per orchestration over the whole run (each hub's own, idle polling included): host {perHost:F1}, DTFx in-process {perDtfx:F1}");
Console.WriteLine($"HTTP summary: host {http.Average(h => h.Host.RequestsPerSecond):F0} req/s vs baseline {http.Average(h => h.Direct.RequestsPerSecond):F0} req/s " +
                  $"= {100 * http.Average(h => h.Host.RequestsPerSecond) / http.Average(h => h.Direct.RequestsPerSecond):F0}%; p99 {http.Average(h => h.Host.P99):F1} vs {http.Average(h => h.Direct.P99):F1} ms");
Console.WriteLine($"Durable summary: host {durable.Average(d => d.Host.PerSecond):F1} orch/s vs DTFx {durable.Average(d => d.Dtfx.PerSecond):F1} orch/s " +
                  $"= {100 * durable.Average(d => d.Host.PerSecond) / durable.Average(d => d.Dtfx.PerSecond):F0}%; storage requests/orch {perHost:F1} vs {perDtfx:F1}");

await worker.StopAsync(true);
await echo.StopAsync();
host.Process.Kill(entireProcessTree: true);
return 0;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Relief.Functions.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException("Run from inside the repository.");
}

static async Task<(Process Process, int Port)> StartHostAsync(string hostDll, string app, string connection, string hub)
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
