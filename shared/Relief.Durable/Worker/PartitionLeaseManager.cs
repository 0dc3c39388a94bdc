using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Relief.Durable.Storage;

namespace Relief.Durable.Worker;

/// <summary>
/// Partition ownership with ETag-guarded lease rows (table <c>{hub}Leases</c>, PK "leases"): one row per
/// partition (owner, expiry) and one heartbeat row per live host. Each round the manager renews its
/// own leases in one transaction, counts live hosts, and moves toward an even share: it releases
/// surplus partitions (after draining them) and claims free or expired ones. A process that cannot
/// renew in time stops using its partitions before the lease can expire (self-fencing); the history
/// commit ETag still guards against any overlap.
/// </summary>
internal sealed class PartitionLeaseManager
{
    private const string Pk = TaskHubMetadataStore.PartitionKey;
    private readonly DurableStorage _storage;
    private readonly DurableTaskOptions _options;
    private readonly InfrastructureClock _clock;
    private readonly ILogger _logger;
    private readonly string _hostId;
    private readonly Dictionary<int, DateTimeOffset> _validUntil = [];
    private readonly object _gate = new();

    public PartitionLeaseManager(DurableStorage storage, DurableTaskOptions options, InfrastructureClock clock, ILogger logger, string hostId)
    {
        _storage = storage;
        _options = options;
        _clock = clock;
        _logger = logger;
        _hostId = hostId;
    }

    /// <summary>Partitions this host may use right now.</summary>
    public bool IsOwned(int partition)
    {
        lock (_gate) return _validUntil.TryGetValue(partition, out var until) && until > _clock.Time.GetUtcNow();
    }

    /// <summary>Owned partitions.</summary>
    public IReadOnlyList<int> Owned
    {
        get { lock (_gate) return _validUntil.Keys.Order().ToList(); }
    }

    /// <summary>Creates the partition rows (the hub's partition count is recorded and checked by <see cref="TaskHubMetadataStore"/>).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        for (var p = 0; p < _options.PartitionCount; p++)
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(Pk, StorageNames.PartitionKey(p))));
        await _storage.Leases.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One balancing round. Returns partitions to start and partitions to stop; the caller drains a
    /// partition before calling <see cref="ReleaseAsync"/>.
    /// </summary>
    public async Task<(List<int> Acquired, List<int> Surplus, List<int> Lost)> RunRoundAsync(CancellationToken cancellationToken)
    {
        var now = _clock.Time.GetUtcNow();
        var rows = new List<TableEntity>();
        await foreach (var row in _storage.Leases.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Pk}"), cancellationToken: cancellationToken).ConfigureAwait(false))
            rows.Add(row);

        var nowTicks = now.UtcTicks;
        var hosts = rows.Where(r => r.RowKey.StartsWith("host|", StringComparison.Ordinal) && (r.GetInt64("ExpiresAt") ?? 0) > nowTicks)
            .Select(r => r.RowKey["host|".Length..]).Append(_hostId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var partitions = rows.Where(r => r.RowKey.Length == 3 && r.RowKey[0] == 'p')
            .ToDictionary(r => int.Parse(r.RowKey.AsSpan(1), CultureInfo.InvariantCulture));
        var index = hosts.IndexOf(_hostId);
        var target = _options.PartitionCount / hosts.Count + (index < _options.PartitionCount % hosts.Count ? 1 : 0);

        var expires = now + _options.PartitionLeaseDuration;
        var mine = partitions.Where(p => p.Value.GetString("Owner") == _hostId && (Owned.Contains(p.Key) || (p.Value.GetInt64("ExpiresAt") ?? 0) > 0)).Select(p => p.Key).Order().ToList();
        var lost = Owned.Where(p => !mine.Contains(p)).ToList();

        // Renew own leases and heartbeat in one transaction.
        var renew = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpsertReplace, new TableEntity(Pk, "host|" + _hostId) { ["ExpiresAt"] = expires.UtcTicks }),
        };
        foreach (var p in mine)
            renew.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, LeaseRow(p, _hostId, expires), partitions[p].ETag));
        var renewed = new List<int>();
        try
        {
            await _storage.Leases.SubmitTransactionAsync(renew, cancellationToken).ConfigureAwait(false);
            renewed.AddRange(mine);
        }
        catch (TableTransactionFailedException)
        {
            // Someone took a lease: renew one by one to learn which.
            foreach (var p in mine)
            {
                if (await TryUpdateAsync(p, _hostId, expires, partitions[p].ETag, cancellationToken).ConfigureAwait(false)) renewed.Add(p);
                else lost.Add(p);
            }
        }
        var fence = expires - _options.PartitionLeaseRenewInterval;
        lock (_gate)
        {
            foreach (var p in lost) _validUntil.Remove(p);
            foreach (var p in renewed) _validUntil[p] = fence;
        }

        var acquired = renewed.Where(p => !_started.Contains(p)).ToList();
        var surplus = new List<int>();
        if (renewed.Count > target)
        {
            surplus.AddRange(renewed.OrderDescending().Take(renewed.Count - target));
        }
        else if (renewed.Count < target)
        {
            var free = partitions.Where(p => !renewed.Contains(p.Key)
                    && (string.IsNullOrEmpty(p.Value.GetString("Owner")) || (p.Value.GetInt64("ExpiresAt") ?? 0) <= nowTicks || p.Value.GetString("Owner") == _hostId))
                .Select(p => p.Key).Order().Take(target - renewed.Count);
            foreach (var p in free)
            {
                if (!await TryUpdateAsync(p, _hostId, expires, partitions[p].ETag, cancellationToken).ConfigureAwait(false)) continue;
                lock (_gate) _validUntil[p] = fence;
                acquired.Add(p);
            }
        }
        foreach (var p in acquired) _started.Add(p);
        foreach (var p in lost) _started.Remove(p);
        return (acquired, surplus, lost);
    }

    private readonly HashSet<int> _started = [];

    /// <summary>Gives a partition up (after it was drained).</summary>
    public async Task ReleaseAsync(int partition, CancellationToken cancellationToken)
    {
        lock (_gate) _validUntil.Remove(partition);
        _started.Remove(partition);
        var row = await _storage.Leases.GetEntityIfExistsAsync<TableEntity>(Pk, StorageNames.PartitionKey(partition), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row.HasValue && row.Value is { } entity && entity.GetString("Owner") == _hostId)
            await TryUpdateAsync(partition, string.Empty, DateTimeOffset.MinValue, entity.ETag, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes this host's heartbeat (graceful leave).</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _storage.Leases.DeleteEntityAsync(Pk, "host|" + _hostId, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            Logs.BackgroundStorageFailed(_logger, ex, "leave");
        }
    }

    private static TableEntity LeaseRow(int partition, string owner, DateTimeOffset expires) =>
        new(Pk, StorageNames.PartitionKey(partition)) { ["Owner"] = owner, ["ExpiresAt"] = expires == DateTimeOffset.MinValue ? 0L : expires.UtcTicks };

    private async Task<bool> TryUpdateAsync(int partition, string owner, DateTimeOffset expires, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await _storage.Leases.UpdateEntityAsync(LeaseRow(partition, owner, expires), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (DurableStorage.IsConflict(ex) || ex.Status == 404)
        {
            return false;
        }
    }
}
