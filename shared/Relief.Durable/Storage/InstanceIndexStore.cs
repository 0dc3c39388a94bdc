using Azure;
using Azure.Data.Tables;
using Relief.Durable.Core;

namespace Relief.Durable.Storage;

/// <summary>
/// The instance index (one row per instance, PK = instance id) used for queries and to detect id
/// conflicts at start. It is written by the client at schedule time and by the worker after commits
/// that change the status; the history state row stays the source of truth, and the worker repairs
/// the index from it whenever it loads an instance cold.
/// </summary>
public sealed class InstanceIndexStore(DurableStorage storage)
{
    /// <summary>Inserts the Pending row; throws <see cref="InstanceAlreadyExistsException"/> if the id exists.</summary>
    public async Task InsertPendingAsync(string instanceId, string name, string? version, string executionId, string? input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = new TableEntity(instanceId, string.Empty)
        {
            ["Name"] = name,
            ["Version"] = version,
            ["ExecutionId"] = executionId,
            ["RuntimeStatus"] = nameof(OrchestrationRuntimeStatus.Pending),
            ["CreatedAt"] = now,
            ["LastUpdatedAt"] = now,
            ["Input"] = await storage.StoreLargeAsync(instanceId, "input", input, cancellationToken).ConfigureAwait(false),
            ["Partition"] = storage.PartitionOf(instanceId),
        };
        try
        {
            await storage.Instances.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new InstanceAlreadyExistsException(instanceId);
        }
    }

    /// <summary>Writes the index row from the committed state (upsert).</summary>
    public async Task UpsertFromStateAsync(InstanceState state, CancellationToken cancellationToken) =>
        await storage.Instances.UpsertEntityAsync(FromState(state), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    /// <summary>Overwrites an index row known to exist (cheaper than an upsert); creates it if it was missing after all.</summary>
    public async Task ReplaceFromStateAsync(InstanceState state, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Instances.UpdateEntityAsync(FromState(state), ETag.All, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await UpsertFromStateAsync(state, cancellationToken).ConfigureAwait(false);
        }
    }

    private TableEntity FromState(InstanceState state) => new(state.InstanceId, string.Empty)
    {
        ["Name"] = state.Name,
        ["Version"] = state.Version,
        ["ExecutionId"] = state.ExecutionId,
        ["RuntimeStatus"] = state.Status.ToString(),
        ["CreatedAt"] = state.CreatedAt,
        ["LastUpdatedAt"] = state.LastUpdatedAt,
        ["Input"] = state.Input,
        ["Output"] = state.Output,
        ["CustomStatus"] = state.CustomStatus,
        ["Failure"] = JsonData.Serialize(state.Failure),
        ["Partition"] = storage.PartitionOf(state.InstanceId),
    };

    /// <summary>Reads one index row.</summary>
    public async Task<TableEntity?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var response = await storage.Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Rows of a partition that are not finished (for recovery when a partition is acquired).</summary>
    public async Task<List<TableEntity>> ActiveInPartitionAsync(int partition, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"Partition eq {partition}") +
                     " and RuntimeStatus ne 'Completed' and RuntimeStatus ne 'Failed' and RuntimeStatus ne 'Terminated'";
        var list = new List<TableEntity>();
        await foreach (var row in storage.Instances.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RuntimeStatus", "Name", "Version", "ExecutionId", "Input", "CreatedAt"], cancellationToken: cancellationToken).ConfigureAwait(false))
            list.Add(row);
        return list;
    }

    /// <summary>
    /// Rows of the given partitions still Pending that were created before <paramref name="createdBefore"/>: their
    /// start was lost (the client died before sending it) or is long overdue.
    /// </summary>
    public async Task<List<TableEntity>> StalePendingAsync(IReadOnlyCollection<int> partitions, DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var list = new List<TableEntity>();
        if (partitions.Count == 0) return list;
        var filter = "(" + string.Join(" or ", partitions.Select(p => TableClient.CreateQueryFilter($"Partition eq {p}"))) + ") and " +
                     TableClient.CreateQueryFilter($"RuntimeStatus eq {nameof(OrchestrationRuntimeStatus.Pending)} and CreatedAt lt {createdBefore}");
        await foreach (var row in storage.Instances.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RuntimeStatus", "Name", "Version", "ExecutionId", "Input", "CreatedAt"], cancellationToken: cancellationToken).ConfigureAwait(false))
            list.Add(row);
        return list;
    }

    /// <summary>Deletes the index row.</summary>
    public async Task DeleteAsync(string instanceId, CancellationToken cancellationToken) =>
        await storage.Instances.DeleteEntityAsync(instanceId, string.Empty, ETag.All, cancellationToken).ConfigureAwait(false);
}
