using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Payments;

namespace Relief.Functions.Payments;

/// <summary>
/// Queue (setting <c>Relief:Payments:Bank:StatusQueueName</c>): the bank announced a pain.002 status report in the bank
/// inbox (<c>{"blobName": "…"}</c>); each transfer's outcome goes to the ledger, rejections become work items (see
/// <see cref="BankStatusReceiver"/>). A report not readable yet (a technical failure) is retried with the queue's
/// backoff; a malformed one, or one for a file Relief never sent, goes to poison with the reason.
/// </summary>
public sealed class ReceiveBankStatus(BankStatusReceiver receiver)
{
    /// <summary>The setting naming the queue.</summary>
    public const string QueueSetting = BankOptions.StatusQueueSetting;

    [Function(nameof(ReceiveBankStatus))]
    public async Task RunAsync([QueueTrigger("%" + QueueSetting + "%")] string body, CancellationToken cancellationToken)
    {
        BankStatusMessage message;
        try
        {
            message = JsonSerializer.Deserialize<BankStatusMessage>(body, StorageJson.Options) ?? throw new FormatException("Invalid bank status message: JSON null.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Invalid bank status message: not the documented JSON ({ex.Path ?? "$"}).", ex);
        }

        if (string.IsNullOrWhiteSpace(message.BlobName) || message.BlobName.Contains("..", StringComparison.Ordinal))
        {
            throw new FormatException("Invalid bank status message: blobName is required and names a blob of the bank inbox.");
        }

        await receiver.ReceiveAsync(message.BlobName, cancellationToken).ConfigureAwait(false);
    }
}
