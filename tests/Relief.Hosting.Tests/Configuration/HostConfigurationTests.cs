using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Relief.Hosting.Configuration;
using Relief.Hosting.Tests.Support;
using Relief.Testing;

namespace Relief.Hosting.Tests.Configuration;

public sealed class HostConfigurationTests
{
    private static string FolderWith(string hostJson, string? localSettings = null)
    {
        var folder = Directory.CreateTempSubdirectory("relief-config-").FullName;
        File.WriteAllText(Path.Combine(folder, "host.json"), hostJson);
        if (localSettings is not null) File.WriteAllText(Path.Combine(folder, "local.settings.json"), localSettings);
        return folder;
    }

    private static FunctionHost BuildIn(string folder) =>
        FunctionsApplication.CreateBuilder([], new FunctionHostBuilderSettings { ContentRootPath = folder }).Build();

    [Fact]
    public async Task Start_MaxDequeueCountZeroInHostJson_FailsNamingTheSetting()
    {
        var azurite = await AzuriteServer.Shared;
        var folder = FolderWith("""{ "version": "2.0", "extensions": { "queues": { "maxDequeueCount": 0 } } }""");
        await using var host = TestHost.Build(azurite.ConnectionString, contentRoot: folder, settings: new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = null, // let host.json speak
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("extensions.queues.maxDequeueCount", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be 1 or more (was 0)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidHostJson_ReturnsExitCode1()
    {
        var folder = FolderWith("""{ "extensions": { "queues": { "batchSize": 64 } } }""");
        await using var host = BuildIn(folder);

        Assert.Equal(1, await host.RunAsync());
    }

    [Theory]
    [InlineData("""{ "extensions": { "queues": { "maxPollingInterval": "soon" } } }""", "extensions.queues.maxPollingInterval")]
    [InlineData("""{ "extensions": { "queues": { "maxDequeCount": 3 } } }""", "maxDequeCount")]
    [InlineData("""{ "extensions": { "http": { "routePrefix": "a b" } } }""", "extensions.http.routePrefix")]
    public async Task Start_BadOrUnknownValue_FailsNamingTheSetting(string hostJson, string setting)
    {
        await using var host = BuildIn(FolderWith(hostJson));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.True(error is HostConfigurationException or OptionsValidationException, error.GetType().Name);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidCronSchedule_FailsNamingTheFunction()
    {
        await using var host = BuildIn(FolderWith("{}"));
        host.Timer<ProbeTimerFunction>("0 9 * * *", name: "DailyReview");

        var error = await Assert.ThrowsAsync<HostConfigurationException>(() => host.StartAsync());

        Assert.Equal("DailyReview", error.Setting);
        Assert.Contains("needs 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_HostJsonValues_BoundToOptionsWithDefaultsForTheRest()
    {
        await using var host = BuildIn(FolderWith("""{ "extensions": { "queues": { "batchSize": 8 }, "http": { "routePrefix": "v1" } } }"""));

        var queues = host.Services.GetRequiredService<IOptions<QueuesOptions>>().Value;
        var http = host.Services.GetRequiredService<IOptions<HttpOptions>>().Value;

        Assert.Equal(8, queues.BatchSize);
        Assert.Equal(4, queues.EffectiveNewBatchThreshold);
        Assert.Equal(5, queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromMinutes(1), queues.MaxPollingInterval);
        Assert.Equal("v1", http.RoutePrefix);
    }

    [Fact]
    public async Task Build_LocalSettingsValues_BecomeConfigurationAndEnvironmentOverrides()
    {
        var fromFile = "ReliefTestFile" + Environment.ProcessId;
        var overridden = "ReliefTestEnv" + Environment.ProcessId;
        var folder = FolderWith("{}", $$"""{ "IsEncrypted": false, "Values": { "{{fromFile}}": "file", "{{overridden}}": "file", "Nested__Key": "n" } }""");
        Environment.SetEnvironmentVariable(overridden, "environment");
        try
        {
            await using var host = BuildIn(folder);

            Assert.Equal("file", host.Configuration[fromFile]);
            Assert.Equal("environment", host.Configuration[overridden]);
            Assert.Equal("n", host.Configuration["Nested:Key"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(overridden, null);
        }
    }

    [Fact]
    public async Task Build_NoAzureWebJobsStorage_DefaultsToDevelopmentStorage()
    {
        if (Environment.GetEnvironmentVariable("AzureWebJobsStorage") is not null) return;
        await using var host = BuildIn(FolderWith("{}"));

        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal("UseDevelopmentStorage=true", storage.ConnectionString);
    }
}
