using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Relief.FunctionsHost.ConformanceApp.Durable;

/// <summary>HelloSequence5, fan-out/fan-in and sub-orchestrations.</summary>
public static class Sequences
{
    [Function(nameof(HelloSequence5))]
    public static async Task<List<string>> HelloSequence5([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var greetings = new List<string>();
        foreach (var city in new[] { "Qingdao", "Quanzhou", "Liyang", "Shijiazhuang", "Jinan" })
        {
            greetings.Add(await context.CallActivityAsync<string>(nameof(SayHello), city));
        }

        return greetings;
    }

    [Function(nameof(SayHello))]
    public static string SayHello([ActivityTrigger] string name) => $"Hello {name}";

    [Function(nameof(FanOutFanIn))]
    public static async Task<int> FanOutFanIn([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var count = context.GetInput<int>();
        var tasks = Enumerable.Range(1, count).Select(i => context.CallActivityAsync<int>(nameof(Square), i));
        var squares = await Task.WhenAll(tasks);
        return squares.Sum();
    }

    [Function(nameof(Square))]
    public static int Square([ActivityTrigger] int value) => value * value;

    [Function(nameof(Parent))]
    public static async Task<string> Parent([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var child = await context.CallSubOrchestratorAsync<List<string>>(nameof(HelloSequence5));
        return $"{child.Count} greetings, first '{child[0]}'";
    }
}
