using System.Diagnostics;
using DurableTask.AzureStorage;
using DurableTask.Core;

namespace Relief.FunctionsHost.Benchmarks;

/// <summary>HelloSequence5 orchestrations started and awaited with the Durable Task Framework's own client,
/// against a hub served either by DTFx's <see cref="TaskHubWorker"/> in this process or by the host and worker.</summary>
internal static class DurableLoad
{
    public static AzureStorageOrchestrationService Service(string connection, string hub) => new(new AzureStorageOrchestrationServiceSettings
    {
        TaskHubName = hub,
        StorageAccountClientProvider = new StorageAccountClientProvider(connection),
        PartitionCount = 2,
        MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
        MaxConcurrentTaskOrchestrationWorkItems = 10 * Environment.ProcessorCount,
        MaxConcurrentTaskActivityWorkItems = 10 * Environment.ProcessorCount,
    });

    public static async Task<DurableResult> RunAsync(string label, AzureStorageOrchestrationService client, string hubName, string orchestrationName, int count, Azurite azurite)
    {
        var hub = new TaskHubClient(client);
        var requestsBefore = azurite.Requests(hubName);
        var clock = Stopwatch.StartNew();
        var instances = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            hub.CreateOrchestrationInstanceAsync(orchestrationName, "", $"{label}-{i}", null)));
        foreach (var instance in instances)
        {
            while (true)
            {
                var state = await hub.GetOrchestrationStateAsync(instance);
                if (state?.OrchestrationStatus == OrchestrationStatus.Completed) break;
                if (state?.OrchestrationStatus is OrchestrationStatus.Failed or OrchestrationStatus.Terminated)
                {
                    throw new InvalidOperationException($"{label}: {instance.InstanceId} ended {state.OrchestrationStatus}: {state.Output}");
                }

                await Task.Delay(100);
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var requests = azurite.Requests(hubName) - requestsBefore;
        return new DurableResult(label, count / seconds, (double)requests / count, seconds);
    }

    /// <summary>Storage requests per second while nothing runs (idle polling), to read the figures above against.</summary>
    public static async Task<double> IdleRequestsPerSecondAsync(Azurite azurite, TimeSpan window)
    {
        var before = azurite.Requests();
        await Task.Delay(window);
        return (azurite.Requests() - before) / window.TotalSeconds;
    }
}

internal sealed record DurableResult(string Label, double PerSecond, double RequestsPerOrchestration, double Seconds)
{
    public override string ToString() => $"{Label,-34} {PerSecond,8:F1} orch/s   ({Seconds:F1} s)";
}

/// <summary>HelloSequence5 for DTFx's own worker: five activities in sequence.</summary>
internal sealed class HelloSequence5 : TaskOrchestration<List<string>, object>
{
    public override async Task<List<string>> RunTask(OrchestrationContext context, object input)
    {
        var greetings = new List<string>();
        foreach (var city in new[] { "Qingdao", "Quanzhou", "Liyang", "Shijiazhuang", "Jinan" })
        {
            greetings.Add(await context.ScheduleTask<string>("SayHello", "", city));
        }

        return greetings;
    }
}

internal sealed class SayHello : TaskActivity<string, string>
{
    protected override string Execute(TaskContext context, string input) => $"Hello {input}";
}
