using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Payments;

namespace Relief.Functions.Payments;

/// <summary>
/// Queue (setting <c>Relief:Payments:Storage:BatchQueueName</c>): the bank adapter's sending side — a batch of payroll or
/// decision payments becomes one pain.001 credit-transfer file in the bank outbox (see <see cref="BankFileSender"/>).
/// At least once: a redelivered batch writes no second file. A malformed message is refused with the reason (retried,
/// then poison — never dropped).
/// </summary>
public sealed class SendPaymentBatch(BankFileSender sender)
{
    /// <summary>The setting naming the queue.</summary>
    public const string QueueSetting = PaymentStorageOptions.Section + ":" + nameof(PaymentStorageOptions.BatchQueueName);

    [Function(nameof(SendPaymentBatch))]
    public async Task RunAsync([QueueTrigger("%" + QueueSetting + "%")] string body, CancellationToken cancellationToken)
    {
        PaymentBatchMessage batch;
        try
        {
            batch = JsonSerializer.Deserialize<PaymentBatchMessage>(body, StorageJson.Options) ?? throw new FormatException("Invalid payment batch: the message is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Invalid payment batch: not the documented JSON ({ex.Path ?? "$"}).", ex);
        }

        if (string.IsNullOrWhiteSpace(batch.Jurisdiction) || string.IsNullOrWhiteSpace(batch.LedgerMonth) || batch.Keys is null || batch.Keys.Count == 0 || string.IsNullOrWhiteSpace(batch.RunId))
        {
            throw new FormatException("Invalid payment batch: jurisdiction, ledgerMonth, keys and runId are required.");
        }

        await sender.SendAsync(batch, cancellationToken).ConfigureAwait(false);
    }
}
