using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.Cases.Intake;
using Relief.Cases.Payments;
using Relief.Cases.Payments.Banking;
using Relief.Cases.Storage.Queues;
using Relief.Domain.Calendar;

namespace Relief.Cases.Storage.Payments;

/// <summary>
/// The bank adapter's sending side: turns a <see cref="PaymentBatchMessage"/> into one pain.001 file in the outbox.
/// Each payment still <see cref="PaymentStatus.Instructed"/> is first tied to the file in the ledger (→
/// <see cref="PaymentStatus.Sent"/>, ETag-guarded), then the manifest and the file are written, each only if absent;
/// the file id comes from the batch's identity. A redelivered batch rebuilds the same file from the payments tied to
/// it; a payment already tied to another file is left out — so a crash between writing a file and recording it, or a
/// batch announced twice, never puts a payment in two files. A payment with no account on file stays instructed and
/// becomes a work item (once per payment, however often it is announced).
/// </summary>
public sealed class BankFileSender
{
    private readonly PaymentLedger _ledger;
    private readonly ICaseStore _cases;
    private readonly PayeeCorrections _corrections;
    private readonly BlobContainerClient _outbox;
    private readonly BlobContainerClient _manifests;
    private readonly JsonQueue _rejections;
    private readonly BankOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BankFileSender> _logger;

    /// <summary>Creates the sender.</summary>
    public BankFileSender(PaymentLedger ledger, ICaseStore cases, PayeeCorrections corrections, BlobServiceClient blobs, QueueServiceClient queues, IOptions<BankOptions> options, TimeProvider time, ILogger<BankFileSender> logger)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _options = options.Value;
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _cases = cases ?? throw new ArgumentNullException(nameof(cases));
        _corrections = corrections ?? throw new ArgumentNullException(nameof(corrections));
        _outbox = blobs.GetBlobContainerClient(_options.OutboxContainerName);
        _manifests = blobs.GetBlobContainerClient(_options.ManifestContainerName);
        _rejections = new JsonQueue(queues, _options.RejectionQueueName, _options.EncodeBase64, nameof(BankOptions.RejectionQueueName));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Creates the containers and the rejection queue if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _outbox.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await _manifests.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await _rejections.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The file id (pain.001 message id) of a batch: <c>B</c> and 32 hex digits of a hash of its identity.</summary>
    public static string FileId(PaymentBatchMessage batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        string identity = $"{batch.Jurisdiction}|{batch.LedgerMonth}|{batch.Shard}|{batch.Number}|{batch.RunId}";
        return "B" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }

    /// <summary>Sends a batch; returns the file id and how many payments it holds (0: nothing to send, no file).</summary>
    public async Task<(string FileId, int Transfers)> SendAsync(PaymentBatchMessage batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        string file = FileId(batch);
        string partition = PayrollShards.LedgerPartition(batch.Jurisdiction, batch.LedgerMonth, batch.Shard);
        var payees = new Dictionary<string, Payee?>(StringComparer.Ordinal);
        string[] keys = batch.Keys.Distinct(StringComparer.Ordinal).ToArray();
        var rows = await _ledger.ReadManyAsync(partition, keys, cancellationToken).ConfigureAwait(false);
        var payable = new List<LedgerRow>(keys.Length);
        foreach (string key in keys)
        {
            if (!rows.TryGetValue(key, out var row))
            {
                _logger.BankPaymentMissing(file, batch.LedgerMonth);
                continue;
            }

            PaymentInstruction instruction = row.Entry.Instruction;
            if (!payees.TryGetValue(instruction.CaseId, out Payee? payee))
            {
                payee = await _corrections.LatestAsync(instruction.CaseId, cancellationToken).ConfigureAwait(false)
                    ?? PayeeOf(await _cases.GetApplicationAsync(instruction.CaseId, cancellationToken).ConfigureAwait(false));
                payees[instruction.CaseId] = payee;
            }

            if (payee is not null)
            {
                payable.Add(row);
            }
            else if (row.Entry.Status == PaymentStatus.Instructed && await _ledger.MarkHeldAsync(partition, key, cancellationToken).ConfigureAwait(false))
            {
                await _rejections.SendAsync(new PaymentRejectionMessage(instruction.CaseId, key, instruction.Program, instruction.Period, instruction.Amount, "NOACCOUNT", null, batch.LedgerMonth), cancellationToken).ConfigureAwait(false);
                _logger.BankPaymentHeld(instruction.CaseId, instruction.Program, instruction.Period);
            }
        }

        // Tie first (ETag-guarded on the rows read above, 50 per transaction), then write: a payment is in one file only.
        var transfers = new List<CreditTransfer>();
        var manifest = new List<ManifestEntry>();
        foreach (string key in await _ledger.TieToFileAsync(partition, payable, file, cancellationToken).ConfigureAwait(false))
        {
            PaymentInstruction instruction = rows[key].Entry.Instruction;
            Payee payee = payees[instruction.CaseId]!;
            string e2e = BankIds.EndToEndId(key);
            transfers.Add(new CreditTransfer(e2e, instruction.Amount, payee.AccountHolder, payee.AccountNumber, payee.BankCode, $"{instruction.Program} {instruction.Period}"));
            manifest.Add(new ManifestEntry(e2e, partition, key, instruction.Amount));
        }

        if (transfers.Count == 0) return (file, 0);

        // Manifest first: the bank never sees a file Relief cannot match its report to.
        await WriteOnceAsync(_manifests.GetBlobClient(file + ".json"), BinaryData.FromObjectAsJson(manifest, StorageJson.Options), "application/json", cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _time.GetUtcNow();
        string xml = CreditTransferFile.Write(file, now, ChinaStandardTime.DateOf(now), new DebtorAccount(_options.DebtorName, _options.DebtorAccount, _options.DebtorBankCode), transfers);
        await WriteOnceAsync(_outbox.GetBlobClient(file + ".xml"), BinaryData.FromString(xml), "application/xml", cancellationToken).ConfigureAwait(false);
        _logger.BankFileWritten(file, transfers.Count, transfers.Sum(t => t.Amount));
        return (file, transfers.Count);
    }

    /// <summary>The payee of an application, normalised as intake does; null when none was given.</summary>
    private static Payee? PayeeOf(ApplicationRequest? application) =>
        application?.Payee is { } given ? ApplicationValidator.ValidatePayee(given, "payee").Payee : null;

    private static async Task WriteOnceAsync(BlobClient blob, BinaryData content, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Written by an earlier delivery of the same batch: the same payments, never a second file.
        }
    }
}
