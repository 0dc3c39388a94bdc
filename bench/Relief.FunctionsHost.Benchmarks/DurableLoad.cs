using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Relief.Durable;
using Relief.Durable.Options;

namespace Relief.FunctionsHost.Benchmarks;

/// <summary>
/// Orchestrations started through a host (the conformance app's HTTP starter: host → worker → DurableTaskClient →
/// sidecar → provider) and awaited by reading their state with the provider's own client from this process.
/// </summary>
internal static class DurableLoad
{
    /// <summary>A client of the framework's Azure Storage provider for <paramref name="hub"/> (reads only).</summary>
    public static IOrchestrationServiceClient AzureStorageClient(string connection, string hub) => new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
    {
        TaskHubName = hub,
        StorageAccountClientProvider = new StorageAccountClientProvider(connection),
        PartitionCount = 2,
    });

    /// <summary>A client of Relief's lean provider for <paramref name="hub"/> (reads only; never started, so it serves no partition).</summary>
    public static IOrchestrationServiceClient LeanClient(string connection, string hub) => new LeanOrchestrationService(new LeanDurableOptions
    {
        HubName = hub,
        ConnectionString = connection,
        WorkerId = "bench-reader",
        PartitionCount = 2,
    });

    /// <summary>
    /// Starts <paramref name="count"/> orchestrations and waits until each has completed with <paramref name="expected"/>
    /// as its output (any other output stops the benchmark). The run is framed by two marks in Azurite's log, so its
    /// storage requests can be counted afterwards; the state reads of this observer are counted too, to be subtracted.
    /// </summary>
    public static async Task<DurableResult> RunAsync(
        string label, Uri host, int hostPid, IOrchestrationServiceClient client, string hubName, string orchestration, object? input, string expected, int count, Azurite azurite)
    {
        var hostCpu = Cpu.Seconds(hostPid, includeChildren: true);
        var azuriteCpu = Cpu.Seconds(azurite.ProcessId, includeChildren: true);
        using var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromMinutes(5) };
        using var gate = new SemaphoreSlim(32);
        var from = await azurite.MarkAsync($"{label}-from");
        var reads = 0;
        var clock = Stopwatch.StartNew();
        var ids = Enumerable.Range(0, count).Select(i => $"{label}-{i}").ToArray();
        await Task.WhenAll(ids.Select(async id =>
        {
            await gate.WaitAsync();
            try
            {
                using HttpContent content = input is null ? new StringContent("") : JsonContent.Create(input);
                using var response = await http.PostAsync($"api/orchestrators/{orchestration}?id={id}", content);
                if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"{label}: start of {id} answered {(int)response.StatusCode}");
            }
            finally
            {
                gate.Release();
            }
        }));

        foreach (var id in ids)
        {
            while (true)
            {
                var state = await client.GetOrchestrationStateAsync(id, executionId: null!);
                reads++;
                if (state?.OrchestrationStatus == OrchestrationStatus.Completed)
                {
                    if (state.Output != expected) throw new InvalidOperationException($"{label}: {id} completed with {state.Output}, not {expected}");
                    break;
                }

                if (state?.OrchestrationStatus is OrchestrationStatus.Failed or OrchestrationStatus.Terminated)
                {
                    throw new InvalidOperationException($"{label}: {id} ended {state.OrchestrationStatus}: {state.Output}");
                }

                await Task.Delay(100);
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = new CpuPerOrchestration(
            1000 * (Cpu.Seconds(hostPid, includeChildren: true) - hostCpu) / count,
            1000 * (Cpu.Seconds(azurite.ProcessId, includeChildren: true) - azuriteCpu) / count);
        return new DurableResult(label, hubName, count, count / seconds, seconds, from, await azurite.MarkAsync($"{label}-to"), reads, cpu);
    }

    /// <summary>Storage requests per second while nothing runs (idle polling), to read the figures above against.</summary>
    public static async Task<double> IdleRequestsPerSecondAsync(Azurite azurite, TimeSpan window)
    {
        var before = azurite.Requests();
        await Task.Delay(window);
        return (azurite.Requests() - before) / window.TotalSeconds;
    }
}

/// <summary>One timed run; <see cref="RequestsPerOrchestration"/> is filled in from Azurite's log once it has settled.</summary>
internal sealed record DurableResult(string Label, string Hub, int Count, double PerSecond, double Seconds, string From, string To, int ObserverReads, CpuPerOrchestration Cpu)
{
    public double RequestsPerOrchestration { get; init; } = double.NaN;

    public override string ToString() =>
        $"{Label,-42} {PerSecond,8:F1} orch/s   {RequestsPerOrchestration,7:F1} requests/orch   ({Seconds:F1} s; CPU per orchestration: host+worker {Cpu.HostMs:F1} ms, Azurite {Cpu.AzuriteMs:F1} ms)";
}

/// <summary>CPU milliseconds per orchestration over a run: the host with its worker, and Azurite (both hubs' idle polling included).</summary>
internal sealed record CpuPerOrchestration(double HostMs, double AzuriteMs);
