using Relief.Testing;
using System.Diagnostics;
using Relief.FunctionsHost.Tests.Support;

namespace Relief.FunctionsHost.Tests.Durable;

/// <summary>Crashes: the host killed with SIGKILL mid-orchestration, the worker killed mid-activity.</summary>
public sealed class CrashRecoveryTests
{
    /// <summary>Short leases and visibility, so a crashed host's work moves on within seconds (defaults: 30 s and 5 min).</summary>
    private static Dictionary<string, string> FastRecovery(ConformanceSettings settings, string activityLog)
    {
        const string p = "AzureFunctionsJobHost__extensions__durableTask__storageProvider__";
        return new Dictionary<string, string>(settings.Environment)
        {
            [p + "controlQueueVisibilityTimeout"] = "00:00:08",
            [p + "workItemQueueVisibilityTimeout"] = "00:00:08",
            [p + "leaseInterval"] = "00:00:08",
            [p + "leaseRenewInterval"] = "00:00:02",
            [p + "leaseAcquireInterval"] = "00:00:02",
            ["CONFORMANCE_ACTIVITY_LOG"] = activityLog,
        };
    }

    [Theory]
    [InlineData(DurableProviders.AzureStorage)]
    [InlineData(DurableProviders.Relief)]
    public async Task HostKilledMidOrchestration_RestartedHostCompletesItOnce(string provider)
    {
        var settings = new ConformanceSettings(provider: provider);
        var log = Path.GetTempFileName();
        var environment = FastRecovery(settings, log);
        var first = await HostProcess.StartAsync(settings.Values, environment);
        var worker = await first.WorkerProcessIdAsync();
        var id = await Orchestrations.StartAsync(first.Client, "SlowSequence", 2500);
        await Eventually.TrueAsync(() => File.ReadAllLines(log).Length >= 1, 60, "the first activity never finished");

        first.Kill();
        Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        await Eventually.TrueAsync(() => !IsAlive(worker), 10, "the worker outlived its killed host");
        await first.DisposeAsync();

        await using var second = await HostProcess.StartAsync(settings.Values, environment);
        var status = await Orchestrations.WaitForEndAsync(second.Client, id, TimeSpan.FromSeconds(120));

        Assert.Equal("Completed", status.Status);
        Assert.Equal("done,done,done", Orchestrations.Output<string>(status));
        var runs = File.ReadAllLines(log).Length;
        Assert.InRange(runs, 3, 4); // at least once: the activity cut off by the crash may run again
    }

    [Theory]
    [InlineData(DurableProviders.AzureStorage)]
    [InlineData(DurableProviders.Relief)]
    public async Task WorkerKilledMidActivity_RestartedAndOrchestrationCompletes(string provider)
    {
        var settings = new ConformanceSettings(provider: provider);
        var log = Path.GetTempFileName();
        await using var host = await HostProcess.StartAsync(settings.Values, FastRecovery(settings, log));
        var worker = await host.WorkerProcessIdAsync();
        var id = await Orchestrations.StartAsync(host.Client, "SlowSequence", 2500);
        await Eventually.TrueAsync(() => File.ReadAllLines(log).Length >= 1, 60, "the first activity never finished");
        await Task.Delay(500); // the second activity is running now

        using (var kill = Process.Start("kill", ["-KILL", worker.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        var status = await Orchestrations.WaitForEndAsync(host.Client, id, TimeSpan.FromSeconds(120));

        Assert.Equal("Completed", status.Status);
        Assert.Equal("done,done,done", Orchestrations.Output<string>(status));
        Assert.Contains("restarted", host.Output, StringComparison.Ordinal);
        Assert.NotEqual(worker, await host.WorkerProcessIdAsync());
    }

    /// <summary>
    /// The lean provider killed at each point around its commit (<c>RELIEF_DURABLE_FAULT</c>), then a new host: every
    /// orchestration whose start reached storage completes once, with the right result.
    /// </summary>
    [Theory]
    [InlineData("after-start-row:2")]
    [InlineData("after-send:1")]
    [InlineData("after-commit:4")]
    [InlineData("before-delete:1")]
    [InlineData("after-activity:3")]
    public async Task LeanProviderKilledAtCheckpoint_RestartedHostCompletesEveryStartedOrchestrationOnce(string fault)
    {
        var settings = new ConformanceSettings(provider: DurableProviders.Relief);
        var log = Path.GetTempFileName();
        var environment = FastRecovery(settings, log);
        var first = await HostProcess.StartAsync(settings.Values, new Dictionary<string, string>(environment) { ["RELIEF_DURABLE_FAULT"] = fault });
        var worker = await first.WorkerProcessIdAsync();
        var work = new (string Name, object? Input, string Expected)[]
        {
            ("HelloSequence5", null, "[\"Hello Qingdao\",\"Hello Quanzhou\",\"Hello Liyang\",\"Hello Shijiazhuang\",\"Hello Jinan\"]"),
            ("Parent", null, "\"5 greetings, first 'Hello Qingdao'\""),
            ("FanOutFanIn", 20, "2870"),
            ("HelloSequence5", null, "[\"Hello Qingdao\",\"Hello Quanzhou\",\"Hello Liyang\",\"Hello Shijiazhuang\",\"Hello Jinan\"]"),
        };
        var ids = work.Select((w, i) => $"{w.Name}-{i}-{Guid.NewGuid():N}"[..30]).ToArray();
        var accepted = new List<string>();
        for (var i = 0; i < work.Length; i++)
        {
            try
            {
                await Orchestrations.StartAsync(first.Client, work[i].Name, work[i].Input, ids[i]);
                accepted.Add(ids[i]);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException)
            {
                // The host died under this start (or before it): its row may or may not have been written.
            }
        }

        Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"the host never reached {fault}:\n{first.Output}");
        Assert.Contains("fault injection at " + fault.Split(':')[0], first.Output, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => !IsAlive(worker), 10, "the worker outlived its killed host");
        await first.DisposeAsync();

        await using var second = await HostProcess.StartAsync(settings.Values, environment);
        var completed = 0;
        for (var i = 0; i < work.Length; i++)
        {
            var status = await Orchestrations.StatusAsync(second.Client, ids[i]);
            if (status.Status == "NotFound")
            {
                Assert.DoesNotContain(ids[i], accepted);
                continue;
            }

            status = await Orchestrations.WaitForEndAsync(second.Client, ids[i], TimeSpan.FromSeconds(90));
            Assert.Equal("Completed", status.Status);
            Assert.Equal(Json(work[i].Expected), Json(status.Output!));
            completed++;
        }

        Assert.True(completed >= accepted.Count, $"{completed} completed, {accepted.Count} accepted");
        if (fault.StartsWith("after-start-row", StringComparison.Ordinal)) Assert.True(completed > accepted.Count, "the start cut off by the crash was not completed from its row");
    }

    private static string Json(string json) => System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json).RootElement);

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
}
