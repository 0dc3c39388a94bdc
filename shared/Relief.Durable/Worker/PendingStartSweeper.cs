using Azure;

namespace Relief.Durable.Worker;

/// <summary>
/// Finds instances of owned partitions that are still Pending <see cref="DurableTaskOptions.PendingStartTimeout"/>
/// after they were scheduled, and hands them to their partition to be started from the index row. This closes
/// the one gap of a start (index row written, then the start message): a client that dies in between, or an
/// in-process start dropped because the partition moved, would otherwise leave the instance Pending forever.
/// One index query per interval per process; starting twice is impossible (the start is de-duplicated by its
/// execution id, and the first commit of an instance is an insert).
/// </summary>
internal sealed class PendingStartSweeper(WorkerServices w, Func<IReadOnlyList<int>> owned, Func<int, PartitionProcessor?> processorOf)
{
    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(w.Options.PendingStartTimeout, w.Clock.Time, stopping).ConfigureAwait(false);
                await SweepAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException)
            {
                Logs.BackgroundStorageFailed(w.Logger, ex, "stale Pending sweep");
            }
        }
    }

    /// <summary>One sweep over the partitions owned now.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var partitions = owned();
        if (partitions.Count == 0) return;
        var now = w.Time.GetUtcNow();
        foreach (var row in await w.Index.StalePendingAsync(partitions, now - w.Options.PendingStartTimeout, cancellationToken).ConfigureAwait(false))
        {
            if (processorOf(w.Storage.PartitionOf(row.PartitionKey)) is not { } processor) continue;
            Logs.StalePendingFound(w.Logger, row.PartitionKey, now - (row.GetDateTimeOffset("CreatedAt") ?? now));
            await processor.RecoverAsync(row, cancellationToken).ConfigureAwait(false);
        }
    }
}
