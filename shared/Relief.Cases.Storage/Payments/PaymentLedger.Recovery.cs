using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Relief.Cases.Payments;

namespace Relief.Cases.Storage.Payments;

/// <summary>A claim to recover payments made wrongly (追回), as the ledger records it.</summary>
/// <param name="Key">Its ledger key: <c>{beneficiaryId}|{program}|recovery|{reference}</c>.</param>
/// <param name="Amount">Yuan claimed: the sum of the payments made (status paid) in the months claimed.</param>
/// <param name="Months">The months whose payments are claimed, with a payment found.</param>
/// <param name="Reference">The review that decided it.</param>
/// <param name="Created">True when this call recorded it; false when it was there already.</param>
public sealed record RecoveryClaim(string Key, decimal Amount, IReadOnlyList<string> Months, string Reference, bool Created);

public sealed partial class PaymentLedger
{
    private const string RecoveryKind = "recovery";

    /// <summary>Longest recovery range accepted, in months (a fraud older than this is a matter for the courts).</summary>
    public const int MaxRecoveryMonths = 120;

    /// <summary>
    /// Records a recovery claim (追回) for the monthly payments of a household in a program paid from
    /// <paramref name="from"/> through <paramref name="through"/>: one point read per month, then one row in the
    /// ledger month of <paramref name="through"/>. Once per reference: a retry returns the stored claim.
    /// </summary>
    public async Task<RecoveryClaim> ClaimRecoveryAsync(string jurisdiction, string beneficiaryId, string program, PayPeriod from, PayPeriod through,
        string reference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jurisdiction);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (through < from) throw new ArgumentException($"The recovery range {from}–{through} is empty.", nameof(through));
        string root = PayrollShards.Root(jurisdiction);
        int shard = PayrollShards.Of(beneficiaryId, _shards);
        string partition = PayrollShards.LedgerPartition(root, through.ToString(), shard);
        string key = beneficiaryId + "|" + program + "|recovery|" + reference;
        var stored = await _table.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (stored.HasValue) return ToClaim(stored.Value!, false);

        decimal total = 0m;
        var months = new List<string>();
        int count = 0;
        for (PayPeriod month = from; month <= through; month = month.Next)
        {
            if (++count > MaxRecoveryMonths) throw new ArgumentException($"A recovery covers at most {MaxRecoveryMonths} months.", nameof(from));
            string paymentKey = new PaymentInstruction(beneficiaryId, string.Empty, program, month.ToString(), 0m, FundSource.Regular, default).IdempotencyKey;
            LedgerEntry? entry = await FindAsync(PayrollShards.LedgerPartition(root, month.ToString(), shard), paymentKey, cancellationToken).ConfigureAwait(false);
            if (entry is { Status: PaymentStatus.Paid })
            {
                total += entry.Instruction.Amount;
                months.Add(month.ToString());
            }
        }

        var row = new TableEntity(partition, key)
        {
            ["Kind"] = RecoveryKind,
            ["BeneficiaryId"] = beneficiaryId,
            ["Program"] = program,
            ["Jurisdiction"] = jurisdiction,
            ["Amount"] = total.ToString("0.00", CultureInfo.InvariantCulture),
            ["Months"] = string.Join(",", months),
            ["Reference"] = reference,
            ["Status"] = "Claimed",
            ["At"] = _time.GetUtcNow(),
        };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return ToClaim(row, true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var again = await _table.GetEntityAsync<TableEntity>(partition, key, cancellationToken: cancellationToken).ConfigureAwait(false);
            return ToClaim(again.Value, false);
        }
    }

    private static RecoveryClaim ToClaim(TableEntity row, bool created) => new(
        row.RowKey,
        decimal.Parse(row.GetString("Amount"), CultureInfo.InvariantCulture),
        (row.GetString("Months") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.GetString("Reference"),
        created);
}
