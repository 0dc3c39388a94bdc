using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Relief.FunctionsHost.Configuration;
using Relief.FunctionsHost.Startup;
using Relief.Testing;

namespace Relief.FunctionsHost.Tests.Configuration;

/// <summary>host.json and local.settings.json as the local host reads them (built in process, not started).</summary>
public sealed class HostConfigurationTests
{
    private static LocalFunctionsHost BuildWith(string hostJson, string? localSettings = null)
    {
        var folder = Directory.CreateTempSubdirectory("relief-config-").FullName;
        var hostJsonPath = Path.Combine(folder, "host.json");
        var settingsPath = Path.Combine(folder, "local.settings.json");
        File.WriteAllText(hostJsonPath, hostJson);
        if (localSettings is not null) File.WriteAllText(settingsPath, localSettings);
        return LocalFunctionsHost.Build(new HostArguments(RepositoryPaths.ConformanceApp, Port: 0, settingsPath, hostJsonPath));
    }

    private static void ReadEveryOption(IServiceProvider services)
    {
        _ = services.GetRequiredService<IOptions<QueuesOptions>>().Value;
        _ = services.GetRequiredService<IOptions<HttpOptions>>().Value;
        _ = services.GetRequiredService<IOptions<TimersOptions>>().Value;
        _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
    }

    [Fact]
    public void UnknownDurableStorageProviderType_RefusedNamingTheSettingAndTheTypes()
    {
        var error = Assert.Throws<HostConfigurationException>(() =>
            BuildWith("""{ "version": "2.0", "extensions": { "durableTask": { "storageProvider": { "type": "Netherite" } } } }"""));

        Assert.Contains("extensions.durableTask.storageProvider.type", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureStorage, Relief", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("relief", typeof(Relief.Durable.LeanOrchestrationService))]
    [InlineData("AzureStorage", typeof(DurableTask.AzureStorage.AzureStorageOrchestrationService))]
    public async Task DurableStorageProviderType_SelectsTheProvider(string type, Type expected)
    {
        var host = BuildWith(
            "{ \"version\": \"2.0\", \"extensions\": { \"durableTask\": { \"storageProvider\": { \"type\": \"" + type + "\" } } } }",
            """{ "Values": { "AzureWebJobsStorage": "UseDevelopmentStorage=true", "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated" } }""");
        await using var _ = host.App;

        var provider = host.App.Services.GetRequiredService<Relief.FunctionsHost.Durable.DurableProvider>();

        Assert.IsType(expected, provider.Service);
        Assert.Same(provider.Service, provider.Client);
    }

    [Fact]
    public async Task MaxDequeueCountZeroInHostJson_RefusedNamingTheSetting()
    {
        var host = BuildWith("""{ "version": "2.0", "extensions": { "queues": { "maxDequeueCount": 0 } } }""");
        await using var _ = host.App;

        var error = Assert.Throws<OptionsValidationException>(() => ReadEveryOption(host.App.Services));

        Assert.Contains("extensions.queues.maxDequeueCount", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be 1 or more (was 0)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "extensions": { "queues": { "batchSize": 64 } } }""", "extensions.queues.batchSize")]
    [InlineData("""{ "extensions": { "queues": { "maxPollingInterval": "soon" } } }""", "extensions.queues.maxPollingInterval")]
    [InlineData("""{ "extensions": { "queues": { "maxDequeCount": 3 } } }""", "maxDequeCount")]
    [InlineData("""{ "extensions": { "http": { "routePrefix": "a b" } } }""", "extensions.http.routePrefix")]
    public void BadOrUnknownValue_RefusedNamingTheSetting(string hostJson, string setting)
    {
        var error = Record.Exception(() =>
        {
            var host = BuildWith(hostJson);
            try
            {
                ReadEveryOption(host.App.Services);
            }
            finally
            {
                host.App.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });

        Assert.NotNull(error);
        Assert.True(error is HostConfigurationException or OptionsValidationException, error.GetType().Name + ": " + error.Message);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostJsonValues_BoundToOptionsWithDefaultsForTheRest()
    {
        var host = BuildWith("""{ "extensions": { "queues": { "batchSize": 8 }, "http": { "routePrefix": "v1" } } }""");
        await using var _ = host.App;

        var queues = host.App.Services.GetRequiredService<IOptions<QueuesOptions>>().Value;
        var http = host.App.Services.GetRequiredService<IOptions<HttpOptions>>().Value;

        Assert.Equal(8, queues.BatchSize);
        Assert.Equal(4, queues.EffectiveNewBatchThreshold);
        Assert.Equal(5, queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromMinutes(1), queues.MaxPollingInterval);
        Assert.Equal("v1", http.RoutePrefix);
    }

    [Fact]
    public async Task LocalSettingsValues_BecomeConfigurationAndEnvironmentOverrides()
    {
        var fromFile = "ReliefTestFile" + Environment.ProcessId;
        var overridden = "ReliefTestEnv" + Environment.ProcessId;
        Environment.SetEnvironmentVariable(overridden, "environment");
        try
        {
            var host = BuildWith("{}", $$"""{ "IsEncrypted": false, "Values": { "{{fromFile}}": "file", "{{overridden}}": "file", "Nested__Key": "n" } }""");
            await using var _ = host.App;

            Assert.Equal("file", host.App.Configuration[fromFile]);
            Assert.Equal("environment", host.App.Configuration[overridden]);
            Assert.Equal("n", host.App.Configuration["Nested:Key"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(overridden, null);
        }
    }

    [Fact]
    public async Task NoAzureWebJobsStorage_DefaultsToDevelopmentStorage()
    {
        Assert.Null(Environment.GetEnvironmentVariable("AzureWebJobsStorage")); // the test run sets it per host, never globally
        var host = BuildWith("{}");
        await using var _ = host.App;

        var storage = host.App.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal("UseDevelopmentStorage=true", storage.ConnectionString);
    }
}
