using Microsoft.Extensions.Logging;
using Relief.Cases.Payments;
using Relief.Cases.Statistics;
using Relief.Cases.Storage.Statistics;

namespace Relief.Cases.Storage.Payments;

/// <summary>
/// Pays one shard of a jurisdiction for a period (月度发放): reads the shard's entitlements from the register, writes
/// an instruction for each one due that month (the amount in force that month) to the ledger, and sends the
/// instructions not yet at the bank as batches of up to <see cref="BatchSize"/> to the bank adapter. Idempotent: the
/// ledger keeps one instruction per beneficiary, program and period, so a rerun (a crash, a second start) writes only
/// what is missing and re-announces only what is still unsent. Memory stays at one batch.
/// </summary>
/// <remarks>When a <see cref="StatisticsStore"/> is given, the shard's households, persons and yuan per jurisdiction and
/// program are counted once for the period (保障户数/人数), after the whole shard is written.</remarks>
public sealed class PayrollShardRunner(BeneficiaryRegister register, PaymentLedger ledger, PaymentBatchWriter batches, PayrollProgress progress, TimeProvider time, ILogger<PayrollShardRunner> logger,
    StatisticsStore? statistics = null)
{
    /// <summary>Instructions per batch message (about 40 bytes of key each: well inside the 64 KiB a queue message holds).</summary>
    public const int BatchSize = 500;

    /// <summary>Runs the shard and records its result.</summary>
    /// <param name="root">Payroll jurisdiction (first segment of the code).</param>
    /// <param name="period">The month paid.</param>
    /// <param name="shard">The shard.</param>
    /// <param name="instructedAt">The time stamp instructions carry (the run's start, the same on every retry).</param>
    /// <param name="cancellationToken">Cancels the run; a rerun finishes it.</param>
    public async Task<PayrollShardResult> RunAsync(string root, PayPeriod period, int shard, DateTimeOffset instructedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        int total = 0, created = 0, batchCount = 0;

        // What an earlier run already wrote (one partition query): a rerun writes only what is missing, without
        // meeting a conflict per instruction.
        var earlier = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        await foreach (LedgerEntry entry in ledger.ReadAsync(root, period.ToString(), shard, cancellationToken).ConfigureAwait(false))
        {
            earlier[entry.Instruction.IdempotencyKey] = entry;
        }

        decimal amount = 0m;
        var pending = new List<(Entitlement Entitlement, string Period, decimal Amount, PayPeriod? Month)>(BatchSize);
        var covered = new Dictionary<(string Jurisdiction, string Program), (long Households, long Persons, long Fen)>();
        await foreach (Entitlement entitlement in register.ReadShardAsync(root, shard, cancellationToken).ConfigureAwait(false))
        {
            bool counted = false;
            foreach (var (label, due, month) in entitlement.PaymentsFor(period))
            {
                var figures = covered.GetValueOrDefault((entitlement.Jurisdiction, entitlement.Program));
                covered[(entitlement.Jurisdiction, entitlement.Program)] = counted
                    ? figures with { Fen = figures.Fen + Fen.Of(due) }
                    : (figures.Households + 1, figures.Persons + entitlement.Members, figures.Fen + Fen.Of(due));
                counted = true;
                pending.Add((entitlement, label, due, month));
                if (pending.Count >= BatchSize) await FlushAsync().ConfigureAwait(false);
            }
        }

        if (pending.Count > 0) await FlushAsync().ConfigureAwait(false);
        if (statistics is not null)
        {
            foreach (var ((jurisdiction, program), figures) in covered)
            {
                await statistics.RecordAsync(new StatisticsEvent($"payroll|{period}|{root}|{shard}|{jurisdiction}|{program}", jurisdiction, program, period,
                    new Dictionary<StatisticsMetric, long>
                    {
                        [StatisticsMetric.Households] = figures.Households,
                        [StatisticsMetric.Persons] = figures.Persons,
                        [StatisticsMetric.InstructedFen] = figures.Fen,
                    }), cancellationToken).ConfigureAwait(false);
            }
        }

        var result = new PayrollShardResult(shard, total, created, amount, batchCount, time.GetUtcNow());
        await progress.ShardDoneAsync(root, period.ToString(), result, cancellationToken).ConfigureAwait(false);
        logger.PayrollShardDone(root, period.ToString(), shard, total, created, amount);
        return result;

        async Task FlushAsync()
        {
            // One jurisdiction root per shard; the full code of each household stays on its instruction.
            var entries = new List<LedgerEntry>(pending.Count);
            foreach (var group in pending.GroupBy(p => p.Entitlement.Jurisdiction, StringComparer.Ordinal))
            {
                var missing = new List<PaymentInstruction>();
                foreach (var p in group)
                {
                    var instruction = new PaymentInstruction(p.Entitlement.BeneficiaryId, p.Entitlement.CaseId, p.Entitlement.Program, p.Period, p.Amount, FundSource.Regular, instructedAt) { Month = p.Month };
                    if (earlier.TryGetValue(instruction.IdempotencyKey, out LedgerEntry? found)) entries.Add(found);
                    else missing.Add(instruction);
                }

                if (missing.Count > 0) entries.AddRange(await ledger.InstructAsync(group.Key, missing, cancellationToken).ConfigureAwait(false));
            }

            total += entries.Count;
            created += entries.Count(e => e.Created);
            amount += entries.Sum(e => e.Instruction.Amount);
            LedgerEntry[] unsent = entries.Where(e => e.Status == PaymentStatus.Instructed).ToArray();
            if (unsent.Length > 0)
            {
                batchCount++;
                await batches.WriteAsync(
                    new PaymentBatchMessage(root, period.ToString(), shard, batchCount, unsent.Select(e => e.Instruction.IdempotencyKey).ToArray(), unsent.Sum(e => e.Instruction.Amount),
                        "payroll-" + instructedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    cancellationToken).ConfigureAwait(false);
            }

            pending.Clear();
        }
    }
}
