using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Relief.Durable.Core;
using Relief.Durable.Metrics;

namespace Relief.Durable.Storage;

/// <summary>
/// The storage clients of one task hub (tables, queues, blobs), all counted by
/// <see cref="StorageRequestCountingPolicy"/>, plus the message and large-payload codec.
/// </summary>
public sealed class DurableStorage : IDisposable
{
    private readonly DurableTaskOptions _options;
    private readonly SocketsHttpHandler _connections;

    /// <summary>Creates the clients (no I/O).</summary>
    public DurableStorage(DurableTaskOptions options, StorageRequestMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Names = new StorageNames(options.HubName);
        Metrics = metrics;
        var connection = options.ConnectionString ?? throw new InvalidOperationException("No storage connection string.");

        // One bounded connection pool for the hub's clients: a burst of requests waits for a free connection
        // instead of opening one each (connection set-up cost the storage service more than the requests did).
        _connections = new SocketsHttpHandler { MaxConnectionsPerServer = options.MaxStorageConnections };
        var transport = new Azure.Core.Pipeline.HttpClientTransport(_connections);
        var tableOptions = new TableClientOptions { Transport = transport };
        tableOptions.AddPolicy(new StorageRequestCountingPolicy(metrics, "table"), HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions { Transport = transport };
        queueOptions.AddPolicy(new StorageRequestCountingPolicy(metrics, "queue"), HttpPipelinePosition.PerRetry);
        var blobOptions = new BlobClientOptions { Transport = transport };
        blobOptions.AddPolicy(new StorageRequestCountingPolicy(metrics, "blob"), HttpPipelinePosition.PerRetry);

        var tables = new TableServiceClient(connection, tableOptions);
        var queues = new QueueServiceClient(connection, queueOptions);
        var blobs = new BlobServiceClient(connection, blobOptions);

        History = tables.GetTableClient(Names.HistoryTable);
        Instances = tables.GetTableClient(Names.InstancesTable);
        Timers = tables.GetTableClient(Names.TimersTable);
        Leases = tables.GetTableClient(Names.LeasesTable);
        Quarantine = tables.GetTableClient(Names.QuarantineTable);
        WorkItems = queues.GetQueueClient(Names.WorkItemQueue);
        ControlQueues = Enumerable.Range(0, options.PartitionCount).Select(p => queues.GetQueueClient(Names.ControlQueue(p))).ToArray();
        Payloads = blobs.GetBlobContainerClient(Names.PayloadContainer);
    }

    /// <summary>Resource names.</summary>
    public StorageNames Names { get; }
    /// <summary>The request counters.</summary>
    public StorageRequestMetrics Metrics { get; }
    /// <summary>History table.</summary>
    public TableClient History { get; }
    /// <summary>Instance index table.</summary>
    public TableClient Instances { get; }
    /// <summary>Timers table.</summary>
    public TableClient Timers { get; }
    /// <summary>Leases table.</summary>
    public TableClient Leases { get; }
    /// <summary>Quarantine table.</summary>
    public TableClient Quarantine { get; }
    /// <summary>Work-item queue.</summary>
    public QueueClient WorkItems { get; }
    /// <summary>Control queues, by partition.</summary>
    public IReadOnlyList<QueueClient> ControlQueues { get; }
    /// <summary>Large payloads.</summary>
    public BlobContainerClient Payloads { get; }
    /// <summary>Partition count.</summary>
    public int PartitionCount => _options.PartitionCount;

    /// <summary>
    /// Set by the worker of this process: hands a client's start to the session of a locally owned instance
    /// (no control-queue message); false when the instance's partition is not owned here.
    /// </summary>
    internal Func<string, HistoryEvent, bool>? StartInProcess { get; set; }

    private int _created;
    private int _hubChecked;

    /// <summary>
    /// Creates every table, queue and container if missing, and records or checks the hub's partition count
    /// (once per process). Throws <see cref="TaskHubMismatchException"/> when the hub was created with another
    /// partition count.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created) == 1) return;
        await CheckTaskHubAsync(cancellationToken).ConfigureAwait(false); // first: a mismatching process creates nothing
        var tasks = new List<Task>
        {
            History.CreateIfNotExistsAsync(cancellationToken),
            Instances.CreateIfNotExistsAsync(cancellationToken),
            Timers.CreateIfNotExistsAsync(cancellationToken),
            Quarantine.CreateIfNotExistsAsync(cancellationToken),
            WorkItems.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Payloads.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
        };
        tasks.AddRange(ControlQueues.Select(q => q.CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        await Task.WhenAll(tasks).ConfigureAwait(false);
        Volatile.Write(ref _created, 1);
    }

    /// <summary>
    /// Records this process's partition count in the hub's metadata, or checks it against the recorded one
    /// (the leases table only; once per process). Throws <see cref="TaskHubMismatchException"/> on a mismatch.
    /// </summary>
    public async Task CheckTaskHubAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _hubChecked) == 1) return;
        await Leases.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await new TaskHubMetadataStore(this).EnsureCompatibleAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _hubChecked, 1);
    }

    /// <summary>The partition of an instance.</summary>
    public int PartitionOf(string instanceId) => PartitionHash.PartitionOf(instanceId, _options.PartitionCount);

    /// <summary>The control queue of an instance.</summary>
    public QueueClient ControlQueueFor(string instanceId) => ControlQueues[PartitionOf(instanceId)];

    /// <summary>Sends a message, moving its body to a blob when it is too large for a queue message.</summary>
    public async Task SendAsync(QueueClient queue, TaskMessage message, CancellationToken cancellationToken, TimeSpan? visibilityDelay = null)
    {
        var text = JsonSerializer.Serialize(message, JsonData.Options);
        if (Encoding.UTF8.GetByteCount(text) > _options.LargePayloadThreshold)
        {
            var blobName = $"{message.InstanceId}/msg-{message.Id}.json";
            await UploadAsync(blobName, text, cancellationToken).ConfigureAwait(false);
            text = JsonSerializer.Serialize(new TaskMessage { Id = message.Id, InstanceId = message.InstanceId, ExecutionId = message.ExecutionId, Blob = blobName }, JsonData.Options);
        }
        await queue.SendMessageAsync(text, visibilityDelay, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Decodes a received message (fetching the blob body when offloaded). Throws <see cref="JsonException"/> when malformed.</summary>
    public async Task<TaskMessage> DecodeAsync(QueueMessage raw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var message = JsonSerializer.Deserialize<TaskMessage>(raw.Body.ToString(), JsonData.Options)
                      ?? throw new JsonException("Empty message.");
        if (message.Blob is { } blob)
        {
            var text = await DownloadAsync(blob, cancellationToken).ConfigureAwait(false);
            message = JsonSerializer.Deserialize<TaskMessage>(text, JsonData.Options) ?? throw new JsonException("Empty message blob.");
        }
        if (string.IsNullOrEmpty(message.Id) || string.IsNullOrEmpty(message.InstanceId) || message.Event is null)
            throw new JsonException("The message lacks an id, instance id or event.");
        return message;
    }

    /// <summary>Writes a text blob.</summary>
    public async Task UploadAsync(string name, string text, CancellationToken cancellationToken) =>
        await Payloads.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads a text blob.</summary>
    public async Task<string> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        var result = await Payloads.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return result.Value.Content.ToString();
    }

    /// <summary>Stores a string property, moving it to a blob if it exceeds the table property limit.</summary>
    public async Task<string?> StoreLargeAsync(string instanceId, string kind, string? value, CancellationToken cancellationToken)
    {
        if (value is null || value.Length <= MaxPropertyChars) return value;
        var name = $"{instanceId}/{kind}-{DeterministicGuid.Create(value):N}.json";
        await UploadAsync(name, value, cancellationToken).ConfigureAwait(false);
        return BlobPrefix + name;
    }

    /// <summary>Reads a property stored by <see cref="StoreLargeAsync"/>.</summary>
    public async Task<string?> LoadLargeAsync(string? value, CancellationToken cancellationToken)
    {
        if (value is null || !value.StartsWith(BlobPrefix, StringComparison.Ordinal)) return value;
        return await DownloadAsync(value[BlobPrefix.Length..], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every blob of an instance.</summary>
    public async Task DeleteInstanceBlobsAsync(string instanceId, CancellationToken cancellationToken)
    {
        await foreach (var blob in Payloads.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, instanceId + "/", cancellationToken).ConfigureAwait(false))
        {
            await Payloads.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Largest string stored inline in a table property.</summary>
    public const int MaxPropertyChars = 30_000;

    /// <summary>Marks a property value that lives in a blob.</summary>
    public const string BlobPrefix = "blob:";

    /// <summary>Closes the hub's storage connections.</summary>
    public void Dispose() => _connections.Dispose();

    /// <summary>True for 409 Conflict and 412 Precondition Failed.</summary>
    public static bool IsConflict(RequestFailedException ex) => ex is { Status: 409 or 412 };
}
