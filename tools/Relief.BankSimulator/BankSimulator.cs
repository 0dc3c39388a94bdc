using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Relief.Cases.Payments.Banking;

namespace Relief.BankSimulator;

/// <summary>Where the simulator exchanges files, and which accounts it refuses.</summary>
public sealed class BankSimulatorOptions
{
    /// <summary>Container Relief writes pain.001 files to. Default <c>bank-outbox</c>.</summary>
    public string OutboxContainerName { get; set; } = "bank-outbox";

    /// <summary>Container the simulator writes pain.002 reports to. Default <c>bank-inbox</c>.</summary>
    public string InboxContainerName { get; set; } = "bank-inbox";

    /// <summary>Queue on which each report is announced. Default <c>bank-status</c>.</summary>
    public string StatusQueueName { get; set; } = "bank-status";

    /// <summary>Base64-encode the announcements (default true: Relief's host reads queue triggers as base64).</summary>
    public bool EncodeBase64 { get; set; } = true;

    /// <summary>Account number → ISO 20022 reason code (e.g. <c>AC01</c>, <c>AC04</c>) for the transfers to refuse; every other transfer is settled (ACSC).</summary>
    public Dictionary<string, string> Rejections { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Answers every credit-transfer file in the outbox once: a report <c>{file}.pain002.xml</c> in the inbox (written only
/// if absent — a file is never answered twice), then a message <c>{"blobName": …}</c> on the status queue.
/// </summary>
public sealed class BankSimulator(BlobServiceClient blobs, QueueServiceClient queues, BankSimulatorOptions options, TimeProvider time)
{
    private readonly BlobContainerClient _outbox = blobs.GetBlobContainerClient(options.OutboxContainerName);
    private readonly BlobContainerClient _inbox = blobs.GetBlobContainerClient(options.InboxContainerName);
    private readonly QueueClient _statuses = queues.GetQueueClient(options.StatusQueueName);

    /// <summary>Answers the files not answered yet; returns the reports written.</summary>
    public async Task<IReadOnlyList<string>> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _outbox.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await _inbox.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await _statuses.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var written = new List<string>();
        await foreach (BlobItem item in _outbox.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!item.Name.EndsWith(".xml", StringComparison.Ordinal)) continue;
            string reportName = item.Name[..^4] + ".pain002.xml";
            if (await _inbox.GetBlobClient(reportName).ExistsAsync(cancellationToken).ConfigureAwait(false)) continue;

            string xml = (await _outbox.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
            var file = CreditTransferFile.Read(xml);
            if (file.Count != file.Transfers.Count || file.ControlSum != file.Transfers.Sum(t => t.Amount))
            {
                throw new FormatException($"File {item.Name}: the count or control sum does not match its transfers.");
            }

            var statuses = file.Transfers.Select(t => options.Rejections.TryGetValue(t.CreditorAccount, out string? code)
                ? new TransferStatus(t.EndToEndId, "RJCT", code)
                : new TransferStatus(t.EndToEndId, "ACSC", null)).ToArray();
            string report = PaymentStatusReport.Write("S" + file.MessageId[1..], file.MessageId, time.GetUtcNow(), statuses);
            try
            {
                await _inbox.GetBlobClient(reportName).UploadAsync(BinaryData.FromString(report),
                    new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                continue; // answered meanwhile
            }

            string announcement = JsonSerializer.Serialize(new { blobName = reportName });
            if (options.EncodeBase64) announcement = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(announcement));
            await _statuses.SendMessageAsync(announcement, cancellationToken).ConfigureAwait(false);
            written.Add(reportName);
        }

        return written;
    }
}
