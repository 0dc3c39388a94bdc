using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Relief.FunctionsHost.Configuration;
using Relief.FunctionsHost.Storage;

namespace Relief.FunctionsHost.Queues;

/// <summary>Sends JSON messages to a storage queue, encoded per host.json <c>messageEncoding</c>; creates the queue on first use.</summary>
internal sealed class QueueSender(StorageAccount account, IOptions<QueuesOptions> options)
{
    private readonly ConcurrentDictionary<string, Task> _created = new(StringComparer.Ordinal);

    /// <summary>Web defaults, enums as names.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

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
