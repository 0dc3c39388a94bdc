using System.Text;
using Azure.Data.Tables;
using DurableTask.Core;
using Relief.Durable.Serialization;

namespace Relief.Durable.Storage;

/// <summary>
/// Queue message bodies: <c>{message id}\n{task message JSON}</c>. The message id is the sender's (deterministic for
/// messages an orchestration sends), so a message sent twice is recognised by its receiver. A body over
/// <see cref="MaxInlineBytes"/> is kept in the payloads table and the queue message carries <c>{id}\n@</c>.
/// </summary>
public sealed class MessageCodec(HubStorage storage)
{
    /// <summary>Largest body sent inline (a queue message holds 64 KiB).</summary>
    public const int MaxInlineBytes = 60_000;

    /// <summary>The body to enqueue; a large message's payload row is written first.</summary>
    public async Task<string> EncodeAsync(string id, TaskMessage message, CancellationToken cancellationToken)
    {
        var json = DurableJson.WriteMessage(message);
        var body = id + "\n" + json;
        if (Encoding.UTF8.GetByteCount(body) <= MaxInlineBytes) return body;
        var row = new TableEntity(id, string.Empty);
        SplitText.Write(row, "Body", json);
        await storage.Payloads.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return id + "\n@";
    }

    /// <summary>The id and message of a body; reads a large message's payload row.</summary>
    public async Task<(string Id, TaskMessage Message)> DecodeAsync(string body, CancellationToken cancellationToken)
    {
        var newline = body.IndexOf('\n', StringComparison.Ordinal);
        if (newline <= 0) throw new FormatException("The queue message has no message id line.");
        var id = body[..newline];
        var json = body[(newline + 1)..];
        if (json == "@")
        {
            var row = await storage.Payloads.GetEntityAsync<TableEntity>(id, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
            json = SplitText.Read(row.Value, "Body") ?? throw new FormatException($"The payload row of message {id} is empty.");
        }

        return (id, DurableJson.ReadMessage(json));
    }

    /// <summary>Deletes the payload row of a large message (after it was consumed).</summary>
    public async Task ForgetAsync(string body, CancellationToken cancellationToken)
    {
        if (!body.EndsWith("\n@", StringComparison.Ordinal)) return;
        var id = body[..body.IndexOf('\n', StringComparison.Ordinal)];
        try
        {
            await storage.Payloads.DeleteEntityAsync(id, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException ex) when (HubStorage.IsNotFound(ex))
        {
            // Already gone.
        }
    }
}
