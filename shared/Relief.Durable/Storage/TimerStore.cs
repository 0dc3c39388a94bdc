using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Relief.Durable.Storage;

/// <summary>
/// Durable timers, one row per pending timer, PK = partition, RK = due time ticks | instance | task id.
/// The owner of a partition loads them once when it acquires the partition and then keeps them in
/// memory, firing them against the engine's <see cref="TimeProvider"/> — so timers of any length work,
/// and a fake clock drives them in tests. (Queue visibility, capped at 7 days, is not used.)
/// </summary>
public sealed class TimerStore(DurableStorage storage)
{
    /// <summary>Writes a timer row (idempotent).</summary>
    public async Task UpsertAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var row = new TableEntity(StorageNames.PartitionKey(timer.Partition), timer.RowKey)
        {
            ["InstanceId"] = timer.InstanceId,
            ["ExecutionId"] = timer.ExecutionId,
            ["TaskId"] = timer.TaskId,
            ["FireAt"] = new DateTimeOffset(timer.FireAt, TimeSpan.Zero),
        };
        await storage.Timers.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>All timers of a partition.</summary>
    public async Task<List<DurableTimer>> LoadAsync(int partition, CancellationToken cancellationToken)
    {
        var list = new List<DurableTimer>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {StorageNames.PartitionKey(partition)}");
        await foreach (var row in storage.Timers.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DurableTimer(partition, row.GetString("InstanceId")!, row.GetString("ExecutionId")!, row.GetInt32("TaskId") ?? -1,
                (row.GetDateTimeOffset("FireAt") ?? default).UtcDateTime));
        }
        return list;
    }

    /// <summary>Deletes a timer row (missing is fine).</summary>
    public async Task DeleteAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        try
        {
            await storage.Timers.DeleteEntityAsync(StorageNames.PartitionKey(timer.Partition), timer.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already deleted.
        }
    }
}

/// <summary>A pending durable timer.</summary>
/// <param name="Partition">The instance's partition.</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="ExecutionId">The execution that created it.</param>
/// <param name="TaskId">The timer's task id.</param>
/// <param name="FireAt">Due time (UTC).</param>
public sealed record DurableTimer(int Partition, string InstanceId, string ExecutionId, int TaskId, DateTime FireAt)
{
    /// <summary>The row key: due time first so rows sort by due time.</summary>
    public string RowKey => string.Create(CultureInfo.InvariantCulture, $"{FireAt.Ticks:D19}|{InstanceId}|{ExecutionId}|{TaskId}");
}
