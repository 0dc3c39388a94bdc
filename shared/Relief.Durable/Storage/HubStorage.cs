using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Relief.Durable.Metrics;

namespace Relief.Durable.Storage;

/// <summary>The storage clients of one hub, every request counted by <see cref="StorageRequestCountingPolicy"/>.</summary>
public sealed class HubStorage : IDisposable
{
    private readonly SocketsHttpHandler _connections;

    /// <summary>Creates the clients (no I/O).</summary>
    public HubStorage(string connectionString, StorageNames names, int partitionCount, StorageRequestMetrics metrics)
    {
        Names = names;
        Metrics = metrics;
        // One bounded pool for the hub: a burst waits for a connection instead of opening one per request.
        _connections = new SocketsHttpHandler { MaxConnectionsPerServer = 48, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2) };
        var transport = new Azure.Core.Pipeline.HttpClientTransport(_connections);
        var tableOptions = new TableClientOptions { Transport = transport };
        tableOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(35);
        tableOptions.AddPolicy(new StorageRequestCountingPolicy(metrics, "table"), HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions { Transport = transport, MessageEncoding = QueueMessageEncoding.None };
        queueOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(35);
        queueOptions.AddPolicy(new StorageRequestCountingPolicy(metrics, "queue"), HttpPipelinePosition.PerRetry);

        var tables = new TableServiceClient(connectionString, tableOptions);
        var queues = new QueueServiceClient(connectionString, queueOptions);
        Instances = tables.GetTableClient(names.InstancesTable);
        Leases = tables.GetTableClient(names.LeasesTable);
        Payloads = tables.GetTableClient(names.PayloadsTable);
        ControlQueues = [.. Enumerable.Range(0, partitionCount).Select(p => queues.GetQueueClient(names.ControlQueue(p)))];
        WorkItems = queues.GetQueueClient(names.WorkItemQueue);
        Poison = queues.GetQueueClient(names.PoisonQueue);
    }

    /// <summary>Resource names.</summary>
    public StorageNames Names { get; }

    /// <summary>Request counters.</summary>
    public StorageRequestMetrics Metrics { get; }

    /// <summary>Instance rows.</summary>
    public TableClient Instances { get; }

    /// <summary>Leases and heartbeats.</summary>
    public TableClient Leases { get; }

    /// <summary>Large message bodies.</summary>
    public TableClient Payloads { get; }

    /// <summary>Control queues by partition.</summary>
    public IReadOnlyList<QueueClient> ControlQueues { get; }

    /// <summary>The shared activity queue.</summary>
    public QueueClient WorkItems { get; }

    /// <summary>Messages that could not be applied.</summary>
    public QueueClient Poison { get; }

    /// <summary>Creates what is missing.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            Instances.CreateIfNotExistsAsync(cancellationToken),
            Leases.CreateIfNotExistsAsync(cancellationToken),
            Payloads.CreateIfNotExistsAsync(cancellationToken),
            WorkItems.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        await Task.WhenAll(ControlQueues.Select(q => q.CreateIfNotExistsAsync(cancellationToken: cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Deletes the hub's tables and queues.</summary>
    public async Task DeleteAsync(bool deleteInstanceStore, CancellationToken cancellationToken)
    {
        var work = new List<Task>
        {
            Leases.DeleteAsync(cancellationToken),
            Payloads.DeleteAsync(cancellationToken),
            WorkItems.DeleteIfExistsAsync(cancellationToken),
            Poison.DeleteIfExistsAsync(cancellationToken),
        };
        work.AddRange(ControlQueues.Select(q => (Task)q.DeleteIfExistsAsync(cancellationToken)));
        if (deleteInstanceStore) work.Add(Instances.DeleteAsync(cancellationToken));
        await Task.WhenAll(work).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _connections.Dispose();

    /// <summary>True for a 404 of any kind.</summary>
    public static bool IsNotFound(RequestFailedException ex) => ex.Status == 404;

    /// <summary>True for an ETag mismatch or an insert over an existing row.</summary>
    public static bool IsConflict(RequestFailedException ex) => ex.Status is 409 or 412;
}
