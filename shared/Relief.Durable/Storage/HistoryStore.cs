using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Relief.Durable.Core;

namespace Relief.Durable.Storage;

/// <summary>
/// Reads and commits history partitions. Partition key = instance id. The state row
/// (<see cref="StateRowKey"/>) holds the status and is the single commit point: every episode is one
/// atomic, ETag-checked write of the state row, so the status can never lag behind history, and a
/// conflicting writer aborts. The newest events of the current generation travel inside the state row
/// (its tail, up to <see cref="InlineHistoryChars"/>), so a small episode commits as one single-entity
/// write; when the tail grows past the limit, or a generation ends, the commit is an entity-group
/// transaction = state row + the tail moved to an episode row.
/// </summary>
public sealed class HistoryStore(DurableStorage storage)
{
    /// <summary>Row key of the state row (sorts before episode rows).</summary>
    public const string StateRowKey = "!state";

    /// <summary>Largest serialized tail (events) kept in the state row; more goes to an episode row.</summary>
    public const int InlineHistoryChars = 16_000;

    private const int MaxChunks = 14;

    // Everything but the tail: status reads do not download history.
    private static readonly string[] StateColumns =
        ["Name", "Version", "ExecutionId", "Generation", "Episode", "RuntimeStatus", "CreatedAt", "LastUpdatedAt", "Input", "Output", "CustomStatus", "Failure", "Parent"];

    /// <summary>Loads an instance; returns an empty state when it has no history.</summary>
    public async Task<InstanceState> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var state = new InstanceState(instanceId);
        TableEntity? stateRow = null;
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        await foreach (var row in storage.History.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == StateRowKey) stateRow = row;
            else rows.Add(row);
        }
        if (stateRow is null) return state;

        ReadStateRow(stateRow, state);
        var prefix = GenerationPrefix(state.Generation);
        foreach (var row in rows.Where(r => r.RowKey.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            state.Append(await ReadEventsAsync(row, cancellationToken).ConfigureAwait(false));
        }
        if (stateRow.GetString("Tail") is { Length: > 0 } tail)
        {
            var events = JsonSerializer.Deserialize<List<HistoryEvent>>(tail, JsonData.Options) ?? [];
            state.Append(events);
            state.Tail.AddRange(events);
            state.TailGeneration = state.Generation;
            state.TailFirstEpisode = stateRow.GetInt32("TailEpisode") ?? 0;
        }
        // Messages consumed by earlier generations stay de-duplicated through their carried ids.
        foreach (var row in rows.Where(r => !r.RowKey.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (row.GetString("MessageIds") is { } ids) foreach (var id in ids.Split(',', StringSplitOptions.RemoveEmptyEntries)) state.ConsumedMessages.Add(id);
        }
        return state;
    }

    /// <summary>Reads only the state row (for status queries); null when the instance has no history.</summary>
    public async Task<InstanceState?> LoadStateRowAsync(string instanceId, CancellationToken cancellationToken)
    {
        var response = await storage.History.GetEntityIfExistsAsync<TableEntity>(instanceId, StateRowKey, StateColumns, cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value is null) return null;
        var state = new InstanceState(instanceId);
        ReadStateRow(response.Value, state);
        return state;
    }

    /// <summary>
    /// Commits episodes atomically with the state row. <paramref name="episodes"/> are (generation, episode,
    /// events) to add. Throws <see cref="RequestFailedException"/> 409/412 when another writer won.
    /// </summary>
    public async Task CommitAsync(InstanceState state, IReadOnlyList<(int Generation, int Episode, IReadOnlyList<HistoryEvent> Events)> episodes, CancellationToken cancellationToken)
    {
        // The tail grows by this commit's events; what cannot stay inline (an earlier generation, or too
        // much) moves to episode rows written in the same transaction.
        var moved = new List<(int Generation, int Episode, IReadOnlyList<HistoryEvent> Events)>();
        var tail = new List<HistoryEvent>(state.Tail);
        var tailGeneration = state.TailGeneration;
        var tailFirst = state.TailFirstEpisode;
        foreach (var (generation, episode, events) in episodes)
        {
            if (tail.Count > 0 && generation != tailGeneration)
            {
                moved.Add((tailGeneration, tailFirst, tail));
                tail = [];
            }
            if (tail.Count == 0)
            {
                tailGeneration = generation;
                tailFirst = episode;
            }
            tail.AddRange(events);
        }
        var tailJson = tail.Count == 0 ? null : JsonSerializer.Serialize(tail, JsonData.Options);
        if (tailJson is { Length: > InlineHistoryChars })
        {
            moved.Add((tailGeneration, tailFirst, tail));
            tail = [];
            tailJson = null;
        }

        var stateRow = await WriteStateRowAsync(state, cancellationToken).ConfigureAwait(false);
        stateRow["Tail"] = tailJson;
        stateRow["TailEpisode"] = tail.Count == 0 ? 0 : tailFirst;
        ETag? etag;
        if (moved.Count == 0)
        {
            var response = state.ETag is { } current
                ? await storage.History.UpdateEntityAsync(stateRow, current, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                : await storage.History.AddEntityAsync(stateRow, cancellationToken).ConfigureAwait(false);
            etag = response.Headers.ETag;
        }
        else
        {
            var actions = new List<TableTransactionAction>
            {
                state.ETag is { } current
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, stateRow, current)
                    : new TableTransactionAction(TableTransactionActionType.Add, stateRow),
            };
            foreach (var (generation, episode, events) in moved)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add,
                    await WriteEventsAsync(state.InstanceId, generation, episode, events, cancellationToken).ConfigureAwait(false)));
            }
            var response = await storage.History.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            etag = response.Value[0].Headers.ETag;
        }
        state.ETag = etag ?? throw new InvalidOperationException("The commit returned no ETag.");
        state.Tail.Clear();
        state.Tail.AddRange(tail);
        state.TailGeneration = tailGeneration;
        state.TailFirstEpisode = tail.Count == 0 ? 0 : tailFirst;
    }

    /// <summary>Deletes the history partition (purge).</summary>
    public async Task DeleteAsync(string instanceId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        await foreach (var row in storage.History.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            keys.Add(row.RowKey);
        foreach (var chunk in keys.Chunk(100))
        {
            var actions = chunk.Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, rk), ETag.All)).ToList();
            await storage.History.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the episode rows of generations before <paramref name="generation"/> (after continue-as-new).</summary>
    public async Task DeleteGenerationsBeforeAsync(string instanceId, int generation, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey lt {GenerationPrefix(generation)} and RowKey ge {GenerationPrefix(0)}");
        var keys = new List<string>();
        await foreach (var row in storage.History.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            keys.Add(row.RowKey);
        foreach (var chunk in keys.Chunk(100))
        {
            var actions = chunk.Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, rk), ETag.All)).ToList();
            await storage.History.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The row-key prefix of a generation's episode rows.</summary>
    public static string GenerationPrefix(int generation) => string.Create(CultureInfo.InvariantCulture, $"{generation:D6}-");

    private static void ReadStateRow(TableEntity row, InstanceState state)
    {
        state.ETag = row.ETag;
        state.Name = row.GetString("Name");
        state.Version = row.GetString("Version");
        state.ExecutionId = row.GetString("ExecutionId");
        state.Generation = row.GetInt32("Generation") ?? 0;
        state.Episode = row.GetInt32("Episode") ?? 0;
        state.Status = Enum.Parse<OrchestrationRuntimeStatus>(row.GetString("RuntimeStatus") ?? nameof(OrchestrationRuntimeStatus.Running));
        state.CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default;
        state.LastUpdatedAt = row.GetDateTimeOffset("LastUpdatedAt") ?? default;
        state.Input = row.GetString("Input");
        state.Output = row.GetString("Output");
        state.CustomStatus = row.GetString("CustomStatus");
        state.Failure = JsonData.Deserialize<FailureDetails>(row.GetString("Failure"));
        state.Parent = JsonData.Deserialize<ParentInstance>(row.GetString("Parent"));
    }

    private async Task<TableEntity> WriteStateRowAsync(InstanceState state, CancellationToken cancellationToken)
    {
        var id = state.InstanceId;
        return new TableEntity(id, StateRowKey)
        {
            ["Name"] = state.Name,
            ["Version"] = state.Version,
            ["ExecutionId"] = state.ExecutionId,
            ["Generation"] = state.Generation,
            ["Episode"] = state.Episode,
            ["RuntimeStatus"] = state.Status.ToString(),
            ["CreatedAt"] = state.CreatedAt,
            ["LastUpdatedAt"] = state.LastUpdatedAt,
            ["Input"] = await storage.StoreLargeAsync(id, "input", state.Input, cancellationToken).ConfigureAwait(false),
            ["Output"] = await storage.StoreLargeAsync(id, "output", state.Output, cancellationToken).ConfigureAwait(false),
            ["CustomStatus"] = await storage.StoreLargeAsync(id, "status", state.CustomStatus, cancellationToken).ConfigureAwait(false),
            ["Failure"] = JsonData.Serialize(state.Failure),
            ["Parent"] = JsonData.Serialize(state.Parent),
        };
    }

    private async Task<TableEntity> WriteEventsAsync(string instanceId, int generation, int episode, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken)
    {
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{GenerationPrefix(generation)}{episode:D8}");
        var json = JsonSerializer.Serialize(events, JsonData.Options);
        var row = new TableEntity(instanceId, rowKey)
        {
            ["MessageIds"] = Truncate(string.Join(',', events.Select(e => e.MessageId).Where(m => m is not null))),
        };
        if (json.Length > DurableStorage.MaxPropertyChars * MaxChunks)
        {
            var blob = $"{instanceId}/history-{rowKey}.json";
            await storage.UploadAsync(blob, json, cancellationToken).ConfigureAwait(false);
            row["Blob"] = blob;
            return row;
        }
        for (int i = 0, chunk = 0; i < json.Length; i += DurableStorage.MaxPropertyChars, chunk++)
        {
            row["E" + chunk.ToString(CultureInfo.InvariantCulture)] = json.Substring(i, Math.Min(DurableStorage.MaxPropertyChars, json.Length - i));
        }
        return row;
    }

    private static string? Truncate(string ids) => ids.Length == 0 ? null : ids.Length > DurableStorage.MaxPropertyChars ? null : ids;

    private async Task<IReadOnlyList<HistoryEvent>> ReadEventsAsync(TableEntity row, CancellationToken cancellationToken)
    {
        string json;
        if (row.GetString("Blob") is { } blob)
        {
            json = await storage.DownloadAsync(blob, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var parts = new System.Text.StringBuilder();
            for (var chunk = 0; row.GetString("E" + chunk.ToString(CultureInfo.InvariantCulture)) is { } part; chunk++) parts.Append(part);
            json = parts.ToString();
        }
        return JsonSerializer.Deserialize<List<HistoryEvent>>(json, JsonData.Options) ?? [];
    }
}
