using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Relief.Testing;

namespace Relief.Functions.Tests;

/// <summary>
/// The build's <c>functions.metadata</c> is what Azure's Functions host (and the local host) runs: every
/// <c>[Function]</c> method of the app must be listed there with its trigger, so none can silently disappear.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly Dictionary<Type, string> Triggers = new()
    {
        [typeof(HttpTriggerAttribute)] = "httpTrigger",
        [typeof(QueueTriggerAttribute)] = "queueTrigger",
        [typeof(TimerTriggerAttribute)] = "timerTrigger",
        [typeof(OrchestrationTriggerAttribute)] = "orchestrationTrigger",
        [typeof(ActivityTriggerAttribute)] = "activityTrigger",
    };

    [Fact]
    public void FunctionsMetadata_ListsEveryFunctionMethodWithItsTrigger()
    {
        var declared = typeof(Relief.Functions.Workflows.CaseOrchestrator).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Function is not null)
            .ToDictionary(x => x.Function!.Name, x => Triggers.Single(t => x.Method.GetParameters().Any(p => p.GetCustomAttribute(t.Key) is not null)).Value);

        var listed = Metadata().ToDictionary(f => f.Name, f => f.Trigger);

        Assert.True(declared.Count >= 35, $"only {declared.Count} functions found");
        Assert.Equal(declared.OrderBy(x => x.Key), listed.OrderBy(x => x.Key));
        Assert.Contains(listed, f => f is { Key: "CaseWorkflow", Value: "orchestrationTrigger" });
        Assert.Contains(listed, f => f is { Key: "ReceiveVerificationAnswer", Value: "queueTrigger" });
        Assert.Contains(listed, f => f is { Key: "Heartbeat", Value: "timerTrigger" });
    }

    [Fact]
    public void BuildOutput_HasWhatTheFunctionsHostReads()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.ReliefApp, "worker.config.json")));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.ReliefApp, "host.json")));
        Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.ReliefApp, ".azurefunctions")));
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.ReliefApp, "host.json")));
        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
    }

    /// <summary>The HTTP functions of the build: method, route (without the <c>api/</c> prefix) and function name.</summary>
    public static IEnumerable<(string Method, string Route, string Function)> HttpRoutes() =>
        from f in Metadata()
        where f.Trigger == "httpTrigger"
        from method in f.Binding.GetProperty("methods").EnumerateArray()
        select (method.GetString()!.ToUpperInvariant(), f.Binding.GetProperty("route").GetString()!, f.Name);

    private static IEnumerable<(string Name, string Trigger, JsonElement Binding)> Metadata()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.ReliefApp, "functions.metadata")));
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            yield return (function.GetProperty("name").GetString()!, trigger.GetProperty("type").GetString()!, trigger.Clone());
        }
    }
}
