using Azure;
using Microsoft.Extensions.Logging;

namespace Relief.FunctionsHost.Storage;

/// <summary>Whether the storage account answered, and how long it took.</summary>
/// <param name="Reachable">True when both blob and queue services answered.</param>
/// <param name="DurationMs">Time the check took.</param>
/// <param name="Problem">What went wrong, without secrets (null when reachable).</param>
public sealed record StorageHealthReport(bool Reachable, double DurationMs, string? Problem);

/// <summary>Checks that the storage account is reachable (used by <c>GET /api/health</c>).</summary>
public interface IStorageHealth
{
    /// <summary>Asks the blob and queue services for their properties, within the health timeout.</summary>
    Task<StorageHealthReport> CheckAsync(CancellationToken cancellationToken);
}

internal sealed class StorageHealth(StorageAccount account, TimeProvider time, ILogger<StorageHealth> logger) : IStorageHealth
{
    public async Task<StorageHealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(account.Options.HealthTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await account.Blobs.GetPropertiesAsync(linked.Token).ConfigureAwait(false);
            await account.Queues.GetPropertiesAsync(linked.Token).ConfigureAwait(false);
            return new StorageHealthReport(true, time.GetElapsedTime(started).TotalMilliseconds, null);
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or AggregateException or HttpRequestException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var problem = ex is OperationCanceledException
                ? $"no answer within {account.Options.HealthTimeout.TotalSeconds:0.#} s"
                : ex is RequestFailedException rfe ? $"storage answered {rfe.Status} {rfe.ErrorCode}" : "connection failed";
            ListenerLogs.StorageUnreachable(logger, ex.GetType().Name);
            return new StorageHealthReport(false, time.GetElapsedTime(started).TotalMilliseconds, problem);
        }
    }
}
