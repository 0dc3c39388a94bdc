using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.FunctionsHost.Configuration;
using Relief.FunctionsHost.Storage;

namespace Relief.FunctionsHost.Queues;

/// <summary>Writes <see cref="PoisonMessage"/> records to <c>&lt;queue&gt;-poison</c> (large ones via a blob).</summary>
internal sealed class PoisonQueueWriter(StorageAccount account, QueueSender sender, IOptions<QueuesOptions> options, ILogger<PoisonQueueWriter> logger)
{
    /// <summary>Queue messages are limited to 64 KiB; stay well below it.</summary>
    private const int MaxQueueMessageChars = 60_000;

    public static string PoisonQueueName(string queueName) => queueName + "-poison";

    public async Task WriteAsync(PoisonMessage record, CancellationToken cancellationToken)
    {
        var poisonQueue = PoisonQueueName(record.Queue);
        var text = QueueMessageCodec.Encode(record, QueueSender.Json, options.Value.EncodesBase64);
        if (text.Length > MaxQueueMessageChars)
        {
            var blobName = $"poison/{account.Options.HostId}/{record.Queue}/{record.MessageId}-{record.DequeueCount}.json";
            var container = account.HostContainer;
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await container.GetBlobClient(blobName).UploadAsync(
                BinaryData.FromString(JsonSerializer.Serialize(record, QueueSender.Json)),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken).ConfigureAwait(false);
            text = QueueMessageCodec.Encode(record with { Body = null, RecordBlob = blobName }, QueueSender.Json, options.Value.EncodesBase64);
            ListenerLogs.PoisonRecordInBlob(logger, record.FunctionName, record.MessageId, poisonQueue, blobName);
        }

        await sender.SendTextAsync(poisonQueue, text, cancellationToken).ConfigureAwait(false);
    }
}
