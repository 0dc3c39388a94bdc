using Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Relief.Cases.Storage;

namespace Relief.Functions.Startup;

/// <summary>
/// Creates the case storage tables, containers and queues at start. Unlike <see cref="CaseStorageInitializer"/> alone it
/// does not stop the host when storage is unreachable: after a first bounded attempt it keeps retrying in the
/// background (as the durable worker does), so the host runs and <c>/api/health</c> can report the outage.
/// </summary>
public sealed partial class CaseStorageStartup(CaseStorageInitializer initializer, ILogger<CaseStorageStartup> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstAttempt = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stopping = new();
    private Task _retries = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var first = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        first.CancelAfter(FirstAttempt);
        try
        {
            await initializer.StartAsync(first.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            StorageUnavailable(logger, ex);
            _retries = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _retries.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while retrying.
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // Infrastructure retries wait on real time (the injected TimeProvider may be a test's fake clock).
            await Task.Delay(RetryInterval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            try
            {
                await initializer.StartAsync(cancellationToken).ConfigureAwait(false);
                StorageReady(logger);
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                StorageUnavailable(logger, ex);
            }
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is RequestFailedException or HttpRequestException or IOException or OperationCanceledException or AggregateException;

    [LoggerMessage(200, LogLevel.Warning, "Case storage not reachable at start; retrying in the background")]
    private static partial void StorageUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(201, LogLevel.Information, "Case storage initialised")]
    private static partial void StorageReady(ILogger logger);
}

/// <summary>Registration of <see cref="CaseStorageStartup"/>.</summary>
public static class CaseStorageStartupExtensions
{
    /// <summary>Replaces the hosted <see cref="CaseStorageInitializer"/> of <c>AddCaseStorage</c> with <see cref="CaseStorageStartup"/>.</summary>
    public static IServiceCollection AddCaseStorageStartup(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(CaseStorageInitializer)).ToArray();
        foreach (var descriptor in hosted)
        {
            services.Remove(descriptor);
        }

        services.AddSingleton<CaseStorageInitializer>();
        services.AddHostedService<CaseStorageStartup>();
        return services;
    }
}
