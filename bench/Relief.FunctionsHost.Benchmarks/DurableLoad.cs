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

    public static async Task<DurableResult> RunAsync(
        string label, Uri host, IOrchestrationServiceClient client, string hubName, string orchestration, object? input, int count)
    {
        using var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromMinutes(5) };
        using var gate = new SemaphoreSlim(32);
        var from = DateTime.UtcNow;
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
                if (state?.OrchestrationStatus == OrchestrationStatus.Completed) break;
                if (state?.OrchestrationStatus is OrchestrationStatus.Failed or OrchestrationStatus.Terminated)
                {
                    throw new InvalidOperationException($"{label}: {id} ended {state.OrchestrationStatus}: {state.Output}");
                }

                await Task.Delay(100);
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new DurableResult(label, hubName, count, count / seconds, seconds, from, DateTime.UtcNow);
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
internal sealed record DurableResult(string Label, string Hub, int Count, double PerSecond, double Seconds, DateTime From, DateTime To)
{
    public double RequestsPerOrchestration { get; init; } = double.NaN;

    public override string ToString() => $"{Label,-42} {PerSecond,8:F1} orch/s   {RequestsPerOrchestration,7:F1} requests/orch   ({Seconds:F1} s)";
}
