using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Relief.Durable.Storage;

namespace Relief.Durable.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void AddDurableTask_HostJsonSection_BindsHubPartitionsAndLimits()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "ReliefHub",
            ["AzureFunctionsJobHost:extensions:durableTask:partitionCount"] = "6",
            ["AzureFunctionsJobHost:extensions:durableTask:maxConcurrentActivityFunctions"] = "7",
            ["AzureFunctionsJobHost:extensions:durableTask:maxConcurrentOrchestratorFunctions"] = "3",
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddDurableTask();

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<DurableTaskOptions>>().Value;

        Assert.Equal(("ReliefHub", 6, 7, 3, "UseDevelopmentStorage=true"),
            (options.HubName, options.PartitionCount, options.MaxConcurrentActivityFunctions, options.MaxConcurrentOrchestratorFunctions, options.ConnectionString));
    }

    [Fact]
    public void DurableTaskOptions_Defaults_AreValidOnceConnected()
    {
        var options = new DurableTaskOptions { ConnectionString = "UseDevelopmentStorage=true" };

        Assert.Empty(options.Validate());
        Assert.Equal((4, 10, 10), (options.PartitionCount, options.MaxConcurrentActivityFunctions, options.MaxConcurrentOrchestratorFunctions));
        Assert.Equal((TimeSpan.FromMinutes(5), 48), (options.PendingStartTimeout, options.MaxStorageConnections));
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_FailsAtStart()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddDurableTask(o => { o.HubName = "bad-name!"; o.PartitionCount = 40; });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(ex.Failures, f => f.Contains("HubName", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("PartitionCount", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("connection string", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("application-2026-000001", 4, 2)] // expected values from an independent FNV-1a implementation
    [InlineData("household-88", 16, 13)]
    [InlineData("a", 4, 0)]
    public void PartitionOf_KnownIds_IsStableAcrossProcesses(string instanceId, int partitions, int expected)
    {
        Assert.Equal(expected, PartitionHash.PartitionOf(instanceId, partitions));
    }

    [Fact]
    public void AddDurableTask_GivenSection_BindsFromThatSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Relief:Durable:hubName"] = "PayrollHub",
            ["Relief:Durable:partitionCount"] = "2",
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        }).Build();
        var services = new ServiceCollection();
        services.AddDurableTask(configuration.GetSection("Relief:Durable"), configuration);

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<DurableTaskOptions>>().Value;

        Assert.Equal(("PayrollHub", 2, "UseDevelopmentStorage=true"), (options.HubName, options.PartitionCount, options.ConnectionString));
    }
}
