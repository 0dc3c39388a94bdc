using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Relief.Cases.Storage.Queues;

namespace Relief.Cases.Storage.Payments;

/// <summary>Writes <see cref="PaymentBatchMessage"/>s to the batch queue. Call <see cref="InitializeAsync"/> once at start.</summary>
public sealed class PaymentBatchWriter
{
    private readonly JsonQueue _queue;

    /// <summary>Creates the writer (JSON, base64 unless <see cref="PaymentStorageOptions.EncodeBase64"/> is false).</summary>
    public PaymentBatchWriter(QueueServiceClient queues, IOptions<PaymentStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queue = new JsonQueue(queues, options.Value.BatchQueueName, options.Value.EncodeBase64, nameof(PaymentStorageOptions.BatchQueueName));
    }

    /// <summary>The queue's name.</summary>
    public string QueueName => _queue.Name;

    /// <summary>Creates the queue if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Enqueues one batch.</summary>
    public Task WriteAsync(PaymentBatchMessage batch, CancellationToken cancellationToken) => _queue.SendAsync(batch, cancellationToken);
}
