using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Relief.Cases.Payments;

namespace Relief.Cases.Storage.Payments;

/// <summary>Count and yuan of a group of payments.</summary>
/// <param name="Count">Payments.</param>
/// <param name="Amount">Yuan.</param>
public sealed record PaymentTotal(int Count, decimal Amount)
{
    /// <summary>Nothing.</summary>
    public static PaymentTotal Zero { get; } = new(0, 0m);

    /// <summary>Adds one payment.</summary>
    public PaymentTotal Add(decimal amount) => new(Count + 1, Amount + amount);

    /// <summary>Adds two totals.</summary>
    public static PaymentTotal operator +(PaymentTotal left, PaymentTotal right) => new(left.Count + right.Count, left.Amount + right.Amount);
}

/// <summary>A difference the reconciliation found, with the payment it concerns.</summary>
/// <param name="Key">The payment's idempotency key (pseudonymous).</param>
/// <param name="Kind">What kind of difference.</param>
/// <param name="Detail">What exactly.</param>
public sealed record ReconciliationDifference(string Key, string Kind, string Detail);

/// <summary>
/// The reconciliation of a jurisdiction's payments of a month (对账): instructed = paid + rejected + returned + pending,
/// in count and yuan, and every difference found between the ledger's own records (status against its event trail,
/// amount fields) and the bank files (each sent payment in its file's manifest with the same amount, the file in the
/// outbox).
/// </summary>
/// <param name="Jurisdiction">Payroll jurisdiction.</param>
/// <param name="Month">Ledger month.</param>
/// <param name="Instructed">Every instruction.</param>
/// <param name="Paid">Credited.</param>
/// <param name="Rejected">Refused by the bank (waiting for a corrected account).</param>
/// <param name="Returned">Credited then returned.</param>
/// <param name="Pending">Instructed or sent, no answer yet.</param>
/// <param name="Differences">Everything that does not agree.</param>
public sealed record Reconciliation(string Jurisdiction, string Month, PaymentTotal Instructed, PaymentTotal Paid, PaymentTotal Rejected, PaymentTotal Returned, PaymentTotal Pending, IReadOnlyList<ReconciliationDifference> Differences)
{
    /// <summary>True when the totals add up and nothing differs.</summary>
    public bool Balanced => Differences.Count == 0 && Instructed == Paid + Rejected + Returned + Pending;
}

/// <summary>Reconciles a month of the ledger against itself and the bank files; reads each ledger partition once.</summary>
public sealed class PaymentReconciler
{
    private readonly TableClient _ledger;
    private readonly int _shards;
    private readonly BlobContainerClient _outbox;
    private readonly BlobContainerClient _manifests;

    /// <summary>Creates the reconciler.</summary>
    public PaymentReconciler(TableServiceClient tables, BlobServiceClient blobs, IOptions<PaymentStorageOptions> storage, IOptions<BankOptions> bank)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(bank);
        _ledger = tables.GetTableClient(storage.Value.LedgerTableName);
        _shards = storage.Value.Shards;
        _outbox = blobs.GetBlobContainerClient(bank.Value.OutboxContainerName);
        _manifests = blobs.GetBlobContainerClient(bank.Value.ManifestContainerName);
    }

    /// <summary>Reconciles <paramref name="month"/> of <paramref name="root"/>.</summary>
    public async Task<Reconciliation> ReconcileAsync(string root, string month, CancellationToken cancellationToken)
    {
        PaymentTotal instructed = PaymentTotal.Zero, paid = PaymentTotal.Zero, rejected = PaymentTotal.Zero, returned = PaymentTotal.Zero, pending = PaymentTotal.Zero;
        var differences = new List<ReconciliationDifference>();
        var manifests = new Dictionary<string, Dictionary<string, decimal>?>(StringComparer.Ordinal);
        for (int shard = 0; shard < _shards; shard++)
        {
            var instructions = new List<TableEntity>();
            var events = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
            string filter = TableClient.CreateQueryFilter($"PartitionKey eq {PayrollShards.LedgerPartition(root, month, shard)}");
            await foreach (TableEntity row in _ledger.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (row.GetString("Kind") == "event")
                {
                    string key = row.RowKey[..row.RowKey.LastIndexOf("|ev|", StringComparison.Ordinal)];
                    (events.TryGetValue(key, out var list) ? list : events[key] = []).Add(row);
                }
                else
                {
                    instructions.Add(row);
                }
            }

            foreach (TableEntity row in instructions)
            {
                string key = row.RowKey;
                decimal amount = decimal.Parse(row.GetString("Amount"), CultureInfo.InvariantCulture);
                var status = Enum.Parse<PaymentStatus>(row.GetString("Status"));
                instructed = instructed.Add(amount);
                switch (status)
                {
                    case PaymentStatus.Paid: paid = paid.Add(amount); break;
                    case PaymentStatus.Rejected: rejected = rejected.Add(amount); break;
                    case PaymentStatus.Returned: returned = returned.Add(amount); break;
                    default: pending = pending.Add(amount); break;
                }

                if (row.GetInt64("AmountFen") is not { } fen || fen != decimal.ToInt64(amount * 100m))
                {
                    differences.Add(new(key, "amount", string.Create(CultureInfo.InvariantCulture, $"amount {amount:0.00} yuan but {row.GetInt64("AmountFen")} fen recorded beside it")));
                }

                List<TableEntity> trail = events.TryGetValue(key, out var found) ? found.OrderBy(e => e.RowKey, StringComparer.Ordinal).ToList() : [];
                if (trail.Count == 0 || trail[^1].GetString("Status") != status.ToString() || trail.Count != (row.GetInt32("Events") ?? 0))
                {
                    differences.Add(new(key, "events", $"status {status} but the event trail ({trail.Count} events) ends with {(trail.Count == 0 ? "nothing" : trail[^1].GetString("Status"))}"));
                }

                if (status is PaymentStatus.Sent or PaymentStatus.Paid or PaymentStatus.Rejected or PaymentStatus.Returned)
                {
                    string? file = row.GetString("File");
                    if (file is null)
                    {
                        differences.Add(new(key, "file", $"status {status} without a bank file"));
                        continue;
                    }

                    if (!manifests.TryGetValue(file, out var manifest))
                    {
                        manifest = await ManifestAsync(file, cancellationToken).ConfigureAwait(false);
                        manifests[file] = manifest;
                    }

                    if (manifest is null)
                    {
                        differences.Add(new(key, "file", $"bank file {file} is not in the outbox or has no manifest"));
                    }
                    else if (!manifest.TryGetValue(key, out decimal sent))
                    {
                        differences.Add(new(key, "file", $"not in bank file {file}"));
                    }
                    else if (sent != amount)
                    {
                        differences.Add(new(key, "amount", string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} yuan in the ledger, {sent:0.00} in bank file {file}")));
                    }
                }
            }
        }

        return new Reconciliation(root, month, instructed, paid, rejected, returned, pending, differences);
    }

    private async Task<Dictionary<string, decimal>?> ManifestAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            if (!await _outbox.GetBlobClient(file + ".xml").ExistsAsync(cancellationToken).ConfigureAwait(false)) return null;
            var content = (await _manifests.GetBlobClient(file + ".json").DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content;
            return content.ToObjectFromJson<ManifestEntry[]>(StorageJson.Options)!.ToDictionary(m => m.Key, m => m.Amount, StringComparer.Ordinal);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
