using Relief.Testing;
using System.Text.Json;
using System.Text.Json.Nodes;
using Relief.FunctionsHost.Tests.Support;

namespace Relief.FunctionsHost.Tests.Startup;

/// <summary>An app the host cannot run as it is stops the start with exit code 1 and a message naming the problem.</summary>
public sealed class StartFailureTests
{
    [Fact]
    public async Task FunctionTheWorkerDoesNotExport_StartFailsNamingIt()
    {
        var app = AppWithExtraFunction("Ghost", "Relief.FunctionsHost.ConformanceApp.Http.Echo.NoSuchMethod",
            new JsonObject { ["name"] = "request", ["direction"] = "In", ["type"] = "httpTrigger", ["route"] = "ghost", ["methods"] = new JsonArray("get") });

        var output = await FailedStartAsync(app);

        Assert.Contains("Function 'Ghost'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownBindingType_StartFailsNamingFunctionAndType()
    {
        var app = AppWithExtraFunction("Mystery", "Relief.FunctionsHost.ConformanceApp.Queues.QueueFunctions.QueueString",
            new JsonObject { ["name"] = "message", ["direction"] = "In", ["type"] = "serviceBusTrigger", ["queueName"] = "x" });

        var output = await FailedStartAsync(app);

        Assert.Contains("Function 'Mystery'", output, StringComparison.Ordinal);
        Assert.Contains("serviceBusTrigger", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntityTrigger_StartFailsSayingEntitiesAreNotSupported()
    {
        var app = AppWithExtraFunction("Counter", "Relief.FunctionsHost.ConformanceApp.Durable.Sequences.SayHello",
            new JsonObject { ["name"] = "dispatcher", ["direction"] = "In", ["type"] = "entityTrigger" });

        var output = await FailedStartAsync(app);

        Assert.Contains("Function 'Counter'", output, StringComparison.Ordinal);
        Assert.Contains("entityTrigger", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteClash_StartFailsNamingBothFunctions()
    {
        var app = AppWithExtraFunction("EchoTwin", "Relief.FunctionsHost.ConformanceApp.Http.Echo.Run",
            new JsonObject { ["name"] = "request", ["direction"] = "In", ["type"] = "httpTrigger", ["route"] = "echo/{other}", ["methods"] = new JsonArray("post") },
            new JsonObject { ["name"] = "$return", ["direction"] = "Out", ["type"] = "http" });

        var output = await FailedStartAsync(app);

        Assert.Contains("EchoTwin", output, StringComparison.Ordinal);
        Assert.Contains("'Echo'", output, StringComparison.Ordinal);
        Assert.Contains("clashes", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidHostJsonValue_StartFailsNamingTheSetting()
    {
        var settings = new ConformanceSettings();
        var environment = new Dictionary<string, string>(settings.Environment) { ["AzureFunctionsJobHost__extensions__queues__maxDequeueCount"] = "0" };

        await using var host = await HostProcess.StartAsync(settings.Values, environment, waitUntilRunning: false);

        Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the host kept running");
        Assert.Equal(1, host.ExitCode);
        Assert.Contains("extensions.queues.maxDequeueCount", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingAppSetting_StartFailsNamingTheSettingAndFunction()
    {
        var settings = new ConformanceSettings();
        settings.Values.Remove("PocoQueue");

        await using var host = await HostProcess.StartAsync(settings.Values, settings.Environment, waitUntilRunning: false);

        Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the host kept running");
        Assert.Equal(1, host.ExitCode);
        Assert.Contains("%PocoQueue%", host.Output, StringComparison.Ordinal);
        Assert.Contains("QueuePoco", host.Output, StringComparison.Ordinal);
    }

    /// <summary>A copy of the conformance app indexed from functions.metadata (as the host does without worker
    /// indexing), with one more function in it.</summary>
    private static string AppWithExtraFunction(string name, string entryPoint, params JsonObject[] bindings)
    {
        var app = RepositoryPaths.CopyOfConformanceApp();
        var config = Path.Combine(app, "worker.config.json");
        var worker = JsonNode.Parse(File.ReadAllText(config))!;
        worker["description"]!["workerIndexing"] = "false";
        File.WriteAllText(config, worker.ToJsonString());

        var metadataPath = Path.Combine(app, "functions.metadata");
        var metadata = JsonNode.Parse(File.ReadAllText(metadataPath))!.AsArray();
        var extra = new JsonObject
        {
            ["name"] = name,
            ["scriptFile"] = "Relief.FunctionsHost.ConformanceApp.dll",
            ["entryPoint"] = entryPoint,
            ["language"] = "dotnet-isolated",
            ["properties"] = new JsonObject { ["IsCodeless"] = false },
            ["bindings"] = new JsonArray([.. bindings]),
        };
        metadata.Add(extra);
        File.WriteAllText(metadataPath, metadata.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return app;
    }

    private static async Task<string> FailedStartAsync(string app)
    {
        var settings = new ConformanceSettings();
        await using var host = await HostProcess.StartAsync(settings.Values, settings.Environment, app, waitUntilRunning: false);
        Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the host kept running:\n" + host.Output);
        Assert.Equal(1, host.ExitCode);
        Assert.Contains("The host cannot start", host.Output, StringComparison.Ordinal);
        return host.Output;
    }
}
