using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.Cases.Payments;
using Relief.Cases.Payments.Banking;
using Relief.Cases.Statistics;
using Relief.Cases.Storage.Statistics;
using Relief.Cases.Storage.Queues;

namespace Relief.Cases.Storage.Payments;

/// <summary>
/// The bank adapter's receiving side: reads a pain.002 status report from the inbox and records each transfer's
/// outcome in the ledger — credited → <see cref="PaymentStatus.Paid"/>; rejected → <see cref="PaymentStatus.Rejected"/>
/// with its reason code and a work item on the rejection queue (the money waits for a corrected account). A report read
/// twice changes nothing. A report that cannot be read yet throws (the queue retries with backoff); one that names a
/// file Relief never sent is refused with the reason.
/// </summary>
public sealed class BankStatusReceiver
{
    private readonly PaymentLedger _ledger;
    private readonly BlobContainerClient _inbox;
    private readonly BlobContainerClient _manifests;
    private readonly JsonQueue _rejections;
    private readonly JsonQueue _statuses;
    private readonly ILogger<BankStatusReceiver> _logger;
    private readonly StatisticsStore? _statistics;

    /// <summary>Creates the receiver; with <paramref name="statistics"/> the yuan paid are counted by jurisdiction, program and month.</summary>
    public BankStatusReceiver(PaymentLedger ledger, BlobServiceClient blobs, QueueServiceClient queues, IOptions<BankOptions> options, ILogger<BankStatusReceiver> logger,
        StatisticsStore? statistics = null)
    {
        _statistics = statistics;
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _inbox = blobs.GetBlobContainerClient(options.Value.InboxContainerName);
        _manifests = blobs.GetBlobContainerClient(options.Value.ManifestContainerName);
        _rejections = new JsonQueue(queues, options.Value.RejectionQueueName, options.Value.EncodeBase64, nameof(BankOptions.RejectionQueueName));
        _statuses = new JsonQueue(queues, options.Value.StatusQueueName, options.Value.EncodeBase64, nameof(BankOptions.StatusQueueName));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Creates the inbox container and the status queue if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _inbox.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await _statuses.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a report; returns how many transfers were paid and rejected by it.</summary>
    /// <exception cref="FormatException">The report is malformed or answers a file Relief did not send.</exception>
    public async Task<(int Paid, int Rejected, int Unknown)> ReceiveAsync(string blobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        string xml = (await _inbox.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
        var report = PaymentStatusReport.Read(xml);
        IReadOnlyList<ManifestEntry> manifest;
        try
        {
            var content = (await _manifests.GetBlobClient(report.OriginalMessageId + ".json").DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content;
            manifest = content.ToObjectFromJson<ManifestEntry[]>(StorageJson.Options)!;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new FormatException($"Status report {report.MessageId} answers file {report.OriginalMessageId}, which Relief did not send.", ex);
        }

        var byId = manifest.ToDictionary(m => m.EndToEndId, StringComparer.Ordinal);
        int paid = 0, rejected = 0, unknown = 0;
        var paidFigures = new Dictionary<(string Jurisdiction, string Program, string Month), long>();
        foreach (TransferStatus status in report.Transfers)
        {
            if (!byId.TryGetValue(status.EndToEndId, out ManifestEntry? entry))
            {
                unknown++;
                _logger.BankStatusUnknownTransfer(report.OriginalMessageId);
                continue;
            }

            if (status.IsPaid)
            {
                var moved = await _ledger.TransitionAsync(entry.Partition, entry.Key, PaymentStatus.Paid, status.Status, null, cancellationToken).ConfigureAwait(false);
                if (moved.Outcome == LedgerTransitionOutcome.Moved) paid++;
                if (moved is { Outcome: LedgerTransitionOutcome.Moved or LedgerTransitionOutcome.Unchanged, Instruction: { } p, Jurisdiction: { } j })
                {
                    // A report read again (a crash before the figures were counted) counts the same payments under the same key.
                    var slot = (j, p.Program, PaymentLedger.LedgerMonth(p));
                    paidFigures[slot] = paidFigures.GetValueOrDefault(slot) + Fen.Of(p.Amount);
                }
            }
            else if (status.IsRejected)
            {
                string reason = status.ReasonCode ?? "NARR";
                var moved = await _ledger.TransitionAsync(entry.Partition, entry.Key, PaymentStatus.Rejected, reason, null, cancellationToken).ConfigureAwait(false);
                if (moved.Outcome == LedgerTransitionOutcome.Moved && moved.Instruction is { } i)
                {
                    rejected++;
                    await _rejections.SendAsync(new PaymentRejectionMessage(i.CaseId, entry.Key, i.Program, i.Period, i.Amount, reason, report.OriginalMessageId, PaymentLedger.LedgerMonth(i)), cancellationToken).ConfigureAwait(false);
                    _logger.BankPaymentRejected(i.CaseId, i.Program, i.Period, reason);
                }
            }
        }

        if (_statistics is not null)
        {
            foreach (var ((jurisdiction, program, month), fen) in paidFigures)
            {
                await _statistics.RecordAsync(new StatisticsEvent($"paid|{report.OriginalMessageId}|{report.MessageId}|{jurisdiction}|{program}|{month}", jurisdiction, program, PayPeriod.Parse(month),
                    new Dictionary<StatisticsMetric, long> { [StatisticsMetric.PaidFen] = fen }), cancellationToken).ConfigureAwait(false);
            }
        }

        _logger.BankStatusRecorded(report.OriginalMessageId, paid, rejected, unknown);
        return (paid, rejected, unknown);
    }
}
