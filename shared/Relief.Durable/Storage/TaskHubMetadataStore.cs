using Azure;
using Azure.Data.Tables;

namespace Relief.Durable.Storage;

/// <summary>
/// The task hub's metadata row (leases table, PK "leases", RK "hub"): the partition count the hub was created
/// with. The first client or worker to use a hub inserts it; every later one compares its own setting with it
/// and refuses to run on a mismatch (it would route instances to the wrong control queues).
/// </summary>
public sealed class TaskHubMetadataStore(DurableStorage storage)
{
    /// <summary>Partition key of the metadata row (shared with the lease rows).</summary>
    public const string PartitionKey = "leases";

    /// <summary>Row key of the metadata row.</summary>
    public const string RowKey = "hub";

    /// <summary>
    /// Records this process's partition count if the hub has none yet; otherwise checks it. Throws
    /// <see cref="TaskHubMismatchException"/> (naming the setting and both values) on a mismatch.
    /// </summary>
    public async Task EnsureCompatibleAsync(CancellationToken cancellationToken)
    {
        var configured = storage.PartitionCount;
        try
        {
            // Insert, not upsert: of two processes creating a hub at once, exactly one records its count.
            await storage.Leases.AddEntityAsync(new TableEntity(PartitionKey, RowKey) { ["PartitionCount"] = configured }, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The hub exists: compare below.
        }
        var row = (await storage.Leases.GetEntityAsync<TableEntity>(PartitionKey, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        if (row.GetInt32("PartitionCount") is not { } recorded)
        {
            // A row without a count (never written by this engine): record ours, guarded by its ETag.
            row["PartitionCount"] = configured;
            await storage.Leases.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (recorded != configured) throw new TaskHubMismatchException(storage.Names.HubName, recorded, configured);
    }
}
