using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Relief.Hosting.Configuration;
using Relief.Hosting.Storage;

namespace Relief.Hosting.Queues;

/// <summary>Sends JSON messages to a storage queue (an output binding); encoded per host.json <c>messageEncoding</c>.</summary>
public interface IQueueSender
{
    /// <summary>Serializes <paramref name="message"/> and sends it, creating the queue on first use.</summary>
    Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken);
}

internal sealed class QueueSender(StorageAccount account, IOptions<QueuesOptions> options) : IQueueSender
{
    private readonly ConcurrentDictionary<string, Task> _created = new(StringComparer.Ordinal);

    public static JsonSerializerOptions Json => Http.HttpFunctionEndpoints.DefaultJson;

    public async Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken)
    {
        await SendTextAsync(queueName, QueueMessageCodec.Encode(message, Json, options.Value.EncodesBase64), cancellationToken).ConfigureAwait(false);
    }

    public async Task SendTextAsync(string queueName, string text, CancellationToken cancellationToken)
    {
        var queue = account.Queues.GetQueueClient(queueName);
        await EnsureCreatedAsync(queueName, cancellationToken).ConfigureAwait(false);
        await queue.SendMessageAsync(text, cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureCreatedAsync(string queueName, CancellationToken cancellationToken)
    {
        var task = _created.GetOrAdd(queueName, name => account.Queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
        try
        {
            await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (task.IsFaulted || task.IsCanceled)
        {
            _created.TryRemove(KeyValuePair.Create(queueName, task)); // try again next time
            throw;
        }
    }
}
