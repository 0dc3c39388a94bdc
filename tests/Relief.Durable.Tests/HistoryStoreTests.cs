using System.Text.Json;
using Azure.Data.Tables;
using Relief.Durable.Core;
using Relief.Durable.Metrics;
using Relief.Durable.Storage;
using Relief.Testing;

namespace Relief.Durable.Tests;

/// <summary>
/// The history layout: small histories travel inside the state row (a commit is one single-entity write);
/// what outgrows it, or belongs to an earlier generation, moves to episode rows in the same transaction.
/// </summary>
public sealed class HistoryStoreTests
{
    private static async Task<DurableStorage> CreateStorageAsync()
    {
        var azurite = await AzuriteServer.Shared;
        var storage = new DurableStorage(new DurableTaskOptions { ConnectionString = azurite.ConnectionString, HubName = UniqueNames.Table("hist"), PartitionCount = 2 },
            Metrics);
        await storage.EnsureCreatedAsync(CancellationToken.None);
        return storage;
    }

    private static readonly StorageRequestMetrics Metrics = new();

    private static List<HistoryEvent> Episode(int episode, int resultChars = 10) =>
    [
        new() { Type = HistoryEventType.OrchestratorStarted, Timestamp = new DateTime(2026, 1, 1, 0, 0, episode, DateTimeKind.Utc) },
        new() { Type = HistoryEventType.TaskCompleted, TaskId = episode - 1, Name = "Step", Result = new string('r', resultChars), MessageId = $"m-{episode}" },
        new() { Type = HistoryEventType.TaskScheduled, TaskId = episode, Name = "Step", Local = true },
    ];

    private static async Task CommitAsync(HistoryStore store, InstanceState state, List<HistoryEvent> events)
    {
        state.Episode++;
        state.Append(events);
        await store.CommitAsync(state, [(state.Generation, state.Episode, events)], CancellationToken.None);
    }

    private static async Task<List<string>> RowKeysAsync(DurableStorage storage, string instanceId)
    {
        var keys = new List<string>();
        await foreach (var row in storage.History.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"), select: ["RowKey"]))
            keys.Add(row.RowKey);
        return keys;
    }

    private static string Json(IEnumerable<HistoryEvent> events) => JsonSerializer.Serialize(events, JsonData.Options);

    private static InstanceState NewState(string id) => new(id)
    {
        Name = "Steps", ExecutionId = "e1", Status = OrchestrationRuntimeStatus.Running, CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task CommitAsync_SmallEpisodes_StayInTheStateRowAndReloadInOrder()
    {
        using var storage = await CreateStorageAsync();
        var store = new HistoryStore(storage);
        var state = NewState("small");
        for (var e = 1; e <= 6; e++) await CommitAsync(store, state, Episode(e));

        var loaded = await store.LoadAsync("small", CancellationToken.None);

        Assert.Equal([HistoryStore.StateRowKey], await RowKeysAsync(storage, "small"));
        Assert.Equal(Json(state.History), Json(loaded.History));
        Assert.Equal(6, loaded.Episode);
        Assert.Contains("m-6", loaded.ConsumedMessages);
    }

    [Fact]
    public async Task CommitAsync_TailOutgrowsStateRow_MovesToEpisodeRowAndReloadsIdentically()
    {
        using var storage = await CreateStorageAsync();
        var store = new HistoryStore(storage);
        var state = NewState("large");
        await CommitAsync(store, state, Episode(1));
        await CommitAsync(store, state, Episode(2, HistoryStore.InlineHistoryChars)); // the tail no longer fits
        await CommitAsync(store, state, Episode(3));
        await CommitAsync(store, state, Episode(4));

        var loaded = await store.LoadAsync("large", CancellationToken.None);
        var loadedJson = Json(loaded.History);
        // The reloaded state keeps committing where the cached one would have.
        await CommitAsync(store, loaded, Episode(5));
        var reloaded = await store.LoadAsync("large", CancellationToken.None);

        Assert.Equal([HistoryStore.StateRowKey, HistoryStore.GenerationPrefix(0) + "00000001"], await RowKeysAsync(storage, "large"));
        Assert.Equal(Json(state.History), loadedJson);
        Assert.Equal(Json(state.History.Concat(Episode(5))), Json(reloaded.History));
    }

    [Fact]
    public async Task CommitAsync_NewGeneration_MovesPreviousTailToARowAndKeepsItsMessageIds()
    {
        using var storage = await CreateStorageAsync();
        var store = new HistoryStore(storage);
        var state = NewState("generations");
        await CommitAsync(store, state, Episode(1));
        await CommitAsync(store, state, Episode(2));
        state.ResetForNewGeneration();
        state.ExecutionId = "e2";
        var next = new List<HistoryEvent> { new() { Type = HistoryEventType.ExecutionStarted, Name = "Steps", ExecutionId = "e2", MessageId = "start-e2" } };
        await CommitAsync(store, state, next);

        var loaded = await store.LoadAsync("generations", CancellationToken.None);

        Assert.Equal([HistoryStore.StateRowKey, HistoryStore.GenerationPrefix(0) + "00000001"], await RowKeysAsync(storage, "generations"));
        Assert.Equal((1, "e2"), (loaded.Generation, loaded.ExecutionId));
        Assert.Equal(Json(next), Json(loaded.History));
        Assert.Contains("m-2", loaded.ConsumedMessages); // de-duplication across generations
    }

    [Fact]
    public async Task CommitAsync_StaleETag_Conflicts()
    {
        using var storage = await CreateStorageAsync();
        var store = new HistoryStore(storage);
        var state = NewState("race");
        await CommitAsync(store, state, Episode(1));
        var other = await store.LoadAsync("race", CancellationToken.None);
        await CommitAsync(store, other, Episode(2));

        var ex = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => CommitAsync(store, state, Episode(2)));

        Assert.True(DurableStorage.IsConflict(ex));
    }
}
