using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Relief.Durable.Options;
using Relief.Durable.Storage;

namespace Relief.Durable.Partitions;

/// <summary>
/// Partition ownership. Lease rows (PartitionKey <c>lease</c>, one per partition) and host heartbeats
/// (PartitionKey <c>host</c>) in one table; every change is ETag-checked. Each round a host renews its heartbeat
/// and leases, gives up what exceeds its fair share (partitions ÷ live hosts) and claims free or expired ones.
/// A host that could not renew a lease stops serving the partition; commits are ETag-checked besides.
/// </summary>
internal sealed class LeaseManager(HubStorage storage, LeanDurableOptions options, ILogger logger)
{
    private const string LeaseKey = "lease";
    private const string HostKey = "host";
    private readonly Dictionary<int, ETag> _owned = [];
    private readonly Lock _gate = new();

    /// <summary>Raised when this host starts serving a partition.</summary>
    public event Action<int>? Acquired;

    /// <summary>Raised when this host stops serving a partition.</summary>
    public event Action<int>? Lost;

    /// <summary>True while this host holds the partition's lease.</summary>
    public bool Owns(int partition)
    {
        lock (_gate) return _owned.ContainsKey(partition);
    }

    /// <summary>The partitions held now.</summary>
    public int[] OwnedPartitions()
    {
        lock (_gate) return [.. _owned.Keys];
    }

    /// <summary>One round: heartbeat, renew, balance, claim.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = options.TimeProvider.GetUtcNow();
        var expires = now + options.LeaseInterval;
        await storage.Leases.UpsertEntityAsync(new TableEntity(HostKey, options.WorkerId) { ["Expires"] = expires }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        var rows = new List<TableEntity>();
        await foreach (var row in storage.Leases.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false)) rows.Add(row);
        var leases = rows.Where(r => r.PartitionKey == LeaseKey).ToDictionary(r => int.Parse(r.RowKey, CultureInfo.InvariantCulture));
        for (var p = 0; p < options.PartitionCount; p++)
        {
            if (leases.ContainsKey(p)) continue;
            var row = new TableEntity(LeaseKey, p.ToString("00", CultureInfo.InvariantCulture)) { ["Owner"] = string.Empty, ["Expires"] = DateTimeOffset.UnixEpoch };
            try
            {
                var added = await storage.Leases.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                row.ETag = added.Headers.ETag ?? default;
                leases[p] = row;
            }
            catch (RequestFailedException ex) when (HubStorage.IsConflict(ex))
            {
                leases[p] = (await storage.Leases.GetEntityAsync<TableEntity>(LeaseKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            }
        }

        var liveHosts = rows.Count(r => r.PartitionKey == HostKey && r.RowKey != options.WorkerId && r.GetDateTimeOffset("Expires") > now) + 1;
        var share = (options.PartitionCount + liveHosts - 1) / liveHosts;

        foreach (var (p, row) in leases.OrderBy(l => l.Key))
        {
            var mine = row.GetString("Owner") == options.WorkerId;
            if (mine && !Owns(p) && row.GetDateTimeOffset("Expires") <= now) mine = false;
            if (!mine && Owns(p)) { Drop(p, "taken by " + row.GetString("Owner")); continue; }
            if (!mine) continue;
            if (OwnedPartitions().Length > share)
            {
                Drop(p, "fair share is " + share);
                await TryWriteAsync(row, string.Empty, DateTimeOffset.UnixEpoch, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (await TryWriteAsync(row, options.WorkerId, expires, cancellationToken).ConfigureAwait(false) is { } etag)
            {
                var isNew = false;
                lock (_gate)
                {
                    isNew = !_owned.ContainsKey(p);
                    _owned[p] = etag;
                }

                if (isNew) Raise(Acquired, p);
            }
            else
            {
                Drop(p, "its lease could not be renewed");
            }
        }

        foreach (var (p, row) in leases.OrderBy(l => l.Key))
        {
            if (OwnedPartitions().Length >= share) break;
            if (Owns(p)) continue;
            var owner = row.GetString("Owner");
            if (!string.IsNullOrEmpty(owner) && owner != options.WorkerId && row.GetDateTimeOffset("Expires") > now) continue;
            if (await TryWriteAsync(row, options.WorkerId, expires, cancellationToken).ConfigureAwait(false) is { } etag)
            {
                lock (_gate) _owned[p] = etag;
                Logs.PartitionAcquired(logger, p, options.WorkerId);
                Raise(Acquired, p);
            }
        }
    }

    /// <summary>Gives every lease back (a clean stop: a successor takes them at once) and removes the heartbeat.</summary>
    public async Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        foreach (var p in OwnedPartitions())
        {
            Drop(p, "the host stops");
            var row = new TableEntity(LeaseKey, p.ToString("00", CultureInfo.InvariantCulture)) { ["Owner"] = string.Empty, ["Expires"] = DateTimeOffset.UnixEpoch };
            try
            {
                var current = await storage.Leases.GetEntityAsync<TableEntity>(LeaseKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (current.Value.GetString("Owner") == options.WorkerId) await storage.Leases.UpdateEntityAsync(row, current.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // It expires by itself.
            }
        }

        try
        {
            await storage.Leases.DeleteEntityAsync(HostKey, options.WorkerId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // It expires by itself.
        }
    }

    private void Drop(int partition, string reason)
    {
        bool had;
        lock (_gate) had = _owned.Remove(partition);
        if (!had) return;
        Logs.PartitionLost(logger, partition, options.WorkerId, reason);
        Raise(Lost, partition);
    }

    private void Raise(Action<int>? handler, int partition)
    {
        try
        {
            handler?.Invoke(partition);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Logs.PartitionHandlerFailed(logger, partition, ex);
        }
    }

    private async Task<ETag?> TryWriteAsync(TableEntity row, string owner, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var update = new TableEntity(row.PartitionKey, row.RowKey) { ["Owner"] = owner, ["Expires"] = expires };
        try
        {
            var response = await storage.Leases.UpdateEntityAsync(update, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag;
        }
        catch (RequestFailedException ex) when (HubStorage.IsConflict(ex) || HubStorage.IsNotFound(ex))
        {
            return null;
        }
    }
}
