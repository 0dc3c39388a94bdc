using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace Relief.Functions.Diagnostics;

/// <summary>Whether the storage account answered, and how long it took.</summary>
/// <param name="Reachable">True when both the table and queue services answered.</param>
/// <param name="DurationMs">Time the check took.</param>
/// <param name="Problem">What went wrong, without secrets (null when reachable).</param>
public sealed record StorageHealthReport(bool Reachable, double DurationMs, string? Problem);

/// <summary>Checks that the app's storage account is reachable (used by <c>GET /api/health</c>), within <see cref="Timeout"/>.</summary>
public sealed partial class StorageHealth(TableServiceClient tables, QueueServiceClient queues, TimeProvider time, ILogger<StorageHealth> logger)
{
    /// <summary>How long the check waits for an answer: 5 seconds.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Asks the table and queue services for their properties.</summary>
    public async Task<StorageHealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await tables.GetPropertiesAsync(linked.Token).ConfigureAwait(false);
            await queues.GetPropertiesAsync(linked.Token).ConfigureAwait(false);
            return new StorageHealthReport(true, time.GetElapsedTime(started).TotalMilliseconds, null);
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or AggregateException or HttpRequestException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string problem = ex is OperationCanceledException
                ? $"no answer within {Timeout.TotalSeconds:0} s"
                : ex is RequestFailedException failed ? $"storage answered {failed.Status} {failed.ErrorCode}" : "connection failed";
            Unreachable(logger, ex.GetType().Name);
            return new StorageHealthReport(false, time.GetElapsedTime(started).TotalMilliseconds, problem);
        }
    }

    [LoggerMessage(400, LogLevel.Warning, "Storage not reachable ({ErrorType})")]
    private static partial void Unreachable(ILogger logger, string errorType);
}
