using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Relief.Durable.Worker;
using Relief.Testing;

namespace Relief.Durable.Tests;

/// <summary>A worker host on a fresh task hub in the shared Azurite, plus its client.</summary>
public sealed class TestHub : IAsyncDisposable
{
    private readonly IHost _host;

    private TestHub(IHost host, string hubName, string connectionString)
    {
        _host = host;
        HubName = hubName;
        ConnectionString = connectionString;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
    }

    public string HubName { get; }
    public string ConnectionString { get; }
    public DurableTaskClient Client { get; }
    public IServiceProvider Services => _host.Services;

    public static async Task<TestHub> StartAsync(Action<DurableTaskBuilder> register, FakeTimeProvider? time = null,
        Action<DurableTaskOptions>? configure = null, string? hubName = null, bool startWorker = true)
    {
        var azurite = await AzuriteServer.Shared;
        hubName ??= UniqueNames.Table("hub");
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var durable = builder.Services.AddDurableTask(o =>
        {
            o.ConnectionString = azurite.ConnectionString;
            o.HubName = hubName;
            o.PartitionCount = 2;
            o.MaxPollingInterval = TimeSpan.FromMilliseconds(100);
            o.PartitionLeaseDuration = TimeSpan.FromSeconds(6);
            o.PartitionLeaseRenewInterval = TimeSpan.FromSeconds(2);
            configure?.Invoke(o);
        });
        if (time is not null) builder.Services.AddSingleton<TimeProvider>(time);
        if (!startWorker) builder.Services.RemoveAll<Microsoft.Extensions.Hosting.IHostedService>();
        register(durable);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new TestHub(host, hubName, azurite.ConnectionString);
    }

    /// <summary>A hang guard for waits (not a timing assertion).</summary>
    public static CancellationToken Guard(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    public async Task<OrchestrationMetadata> RunAsync(string name, object? input = null, string? instanceId = null, int guardSeconds = 60)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId));
        return await Client.WaitForInstanceCompletionAsync(id, true, Guard(guardSeconds));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
