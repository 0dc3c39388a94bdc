using Azure.Storage.Queues;

namespace Relief.Cases.Storage.Queues;

/// <summary>One outbound queue of JSON messages: the plumbing the queue writers share.</summary>
internal sealed class JsonQueue
{
    private readonly QueueClient _queue;
    private readonly bool _encodeBase64;

    /// <summary>Validates the queue name and binds the client.</summary>
    public JsonQueue(QueueServiceClient queues, string queueName, bool encodeBase64, string optionName)
    {
        ArgumentNullException.ThrowIfNull(queues);
        StorageNames.ThrowIfInvalidContainerOrQueue(queueName, optionName);
        _queue = queues.GetQueueClient(queueName);
        _encodeBase64 = encodeBase64;
    }

    /// <summary>The queue's name.</summary>
    public string Name => _queue.Name;

    /// <summary>Creates the queue if missing.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>Enqueues <paramref name="message"/> as JSON (Base64 when configured).</summary>
    public async Task SendAsync<T>(T message, CancellationToken cancellationToken) =>
        await _queue.SendMessageAsync(QueueMessageText.Encode(message, _encodeBase64), cancellationToken).ConfigureAwait(false);
}
