using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.Cases.Payments;
using Relief.Domain.Calendar;

namespace Relief.Cases.Storage.Payments;

/// <summary>
/// The payment ledger (发放台账), append-only, in a table. PartitionKey = jurisdiction, ledger month and shard
/// (<see cref="PayrollShards.LedgerPartition"/>); per instruction one row keyed by its idempotency key
/// (beneficiary|program|period — unique by construction, so a second instruction for the same payment cannot be
/// written) and one row per event (<c>{key}|ev|{seq}</c>: instructed, sent, paid …). The ledger month is the pay
/// period for monthly payments and the China month of the deciding step for one-off payments. Instructions are
/// written in table transactions of up to 50 (instruction + event each); a transaction that meets an existing
/// instruction is redone one instruction at a time, so a retried payroll writes only what is missing.
/// </summary>
public sealed partial class PaymentLedger
{
    /// <summary>Instructions per table transaction (two rows each; a transaction holds at most 100).</summary>
    public const int InstructionsPerTransaction = 50;

    private const string InstructionKind = "instruction";
    private const string EventKind = "event";

    private readonly TableClient _table;
    private readonly int _shards;
    private readonly TimeProvider _time;
    private readonly ILogger<PaymentLedger> _logger;

    /// <summary>Creates the ledger.</summary>
    public PaymentLedger(TableServiceClient tables, IOptions<PaymentStorageOptions> options, TimeProvider time, ILogger<PaymentLedger> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _table = tables.GetTableClient(options.Value.LedgerTableName);
        _shards = options.Value.Shards;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Creates the table if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The ledger month of an instruction: its own month (instalments), its period when monthly, else the China month it was created in.</summary>
    public static string LedgerMonth(PaymentInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (instruction.Month is { } month) return month.ToString();
        return PayPeriod.TryParse(instruction.Period, out PayPeriod period)
            ? period.ToString()
            : PayPeriod.Of(ChinaStandardTime.DateOf(instruction.CreatedAt)).ToString();
    }

    /// <summary>
    /// Records instructions of one jurisdiction (each once, ever) and returns each with its status in the ledger —
    /// the ones already there keep theirs. Amounts must be positive and to the fen.
    /// </summary>
    public async Task<IReadOnlyList<LedgerEntry>> InstructAsync(string jurisdiction, IReadOnlyList<PaymentInstruction> instructions, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jurisdiction);
        ArgumentNullException.ThrowIfNull(instructions);
        foreach (PaymentInstruction instruction in instructions)
        {
            if (instruction.Amount <= 0m || decimal.Round(instruction.Amount, 2) != instruction.Amount)
            {
                throw new ArgumentException($"A payment amount is positive and to the fen ({instruction.Program} {instruction.Period}).", nameof(instructions));
            }
        }

        string root = PayrollShards.Root(jurisdiction);
        var entries = new List<LedgerEntry>(instructions.Count);
        foreach (var partition in instructions.GroupBy(i => PayrollShards.LedgerPartition(root, LedgerMonth(i), PayrollShards.Of(i.BeneficiaryId, _shards))))
        {
            foreach (PaymentInstruction[] chunk in partition.DistinctBy(i => i.IdempotencyKey).Chunk(InstructionsPerTransaction))
            {
                entries.AddRange(await WriteChunkAsync(partition.Key, jurisdiction, chunk, cancellationToken).ConfigureAwait(false));
            }
        }

        return entries;
    }

    /// <summary>One payment by its partition and key, or null.</summary>
    public async Task<LedgerEntry?> FindAsync(string partition, string key, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? new LedgerEntry(ToInstruction(row.Value!), Enum.Parse<PaymentStatus>(row.Value!.GetString("Status")), false) : null;
    }

    /// <summary>Every instruction of one ledger month and shard of a jurisdiction.</summary>
    public async IAsyncEnumerable<LedgerEntry> ReadAsync(string root, string ledgerMonth, int shard, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {PayrollShards.LedgerPartition(root, ledgerMonth, shard)} and Kind eq {InstructionKind}");
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new LedgerEntry(ToInstruction(row), Enum.Parse<PaymentStatus>(row.GetString("Status")), false);
        }
    }

    /// <summary>
    /// Moves one payment to <paramref name="to"/> and appends the event, in one transaction on the row's ETag (a
    /// concurrent change makes it read again). With <paramref name="file"/> the payment is also tied to that bank file
    /// (a <see cref="PaymentStatus.Sent"/> payment belongs to exactly one file). A payment already in
    /// <paramref name="to"/> (and that file) is left as it is.
    /// </summary>
    public async Task<LedgerTransition> TransitionAsync(string partition, string key, PaymentStatus to, string? reason, string? file, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        ArgumentException.ThrowIfNullOrEmpty(key);
        for (int attempt = 1; ; attempt++)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!found.HasValue) return LedgerTransition.Missing;
            TableEntity row = found.Value!;
            var from = Enum.Parse<PaymentStatus>(row.GetString("Status"));
            string? currentFile = row.GetString("File");
            if (from == to && (file is null || file == currentFile)) return new LedgerTransition(LedgerTransitionOutcome.Unchanged, from, currentFile, ToInstruction(row), row.GetString("Jurisdiction"));
            if (!PaymentTransitions.IsAllowed(from, to)) return new LedgerTransition(LedgerTransitionOutcome.Refused, from, currentFile, ToInstruction(row));

            int events = (row.GetInt32("Events") ?? 1) + 1;
            row["Status"] = to.ToString();
            row["Events"] = events;
            if (file is not null) row["File"] = file;
            if (reason is not null) row["Reason"] = reason;
            try
            {
                await _table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag),
                        new TableTransactionAction(TableTransactionActionType.Add, EventRow(partition, key, events, to, reason ?? file, _time.GetUtcNow())),
                    ],
                    cancellationToken).ConfigureAwait(false);
                return new LedgerTransition(LedgerTransitionOutcome.Moved, from, file ?? currentFile, ToInstruction(row), row.GetString("Jurisdiction"));
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < 5)
            {
                // Changed meanwhile: read it again.
            }
        }
    }

    /// <summary>
    /// The payments of one partition among <paramref name="keys"/>, read with one partition query (a batch's payments
    /// share a partition), each with its status and bank file.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, LedgerRow>> ReadManyAsync(string partition, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, LedgerRow>(StringComparer.Ordinal);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Kind eq {InstructionKind}");
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (wanted.Contains(row.RowKey))
            {
                found[row.RowKey] = new LedgerRow(new LedgerEntry(ToInstruction(row), Enum.Parse<PaymentStatus>(row.GetString("Status")), false), row.GetString("File")) { Row = row };
            }
        }

        return found;
    }

    /// <summary>
    /// Ties instructed payments of one partition, as <see cref="ReadManyAsync"/> read them, to bank file
    /// <paramref name="file"/> (→ <see cref="PaymentStatus.Sent"/>), 50 per table transaction on each row's ETag; returns
    /// the keys tied to the file (including those tied by an earlier delivery). A payment changed since it was read is
    /// retried singly; one tied to another file is left out.
    /// </summary>
    public async Task<IReadOnlyList<string>> TieToFileAsync(string partition, IEnumerable<LedgerRow> rows, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var tied = new List<string>();
        var claim = new List<TableEntity>();
        foreach (LedgerRow read in rows)
        {
            if (read.Entry.Status == PaymentStatus.Sent && read.File == file) tied.Add(read.Row.RowKey);
            else if (read.Entry.Status == PaymentStatus.Instructed) claim.Add(read.Row);
        }

        DateTimeOffset now = _time.GetUtcNow();
        foreach (TableEntity[] chunk in claim.Chunk(InstructionsPerTransaction))
        {
            var actions = new List<TableTransactionAction>(chunk.Length * 2);
            foreach (TableEntity row in chunk)
            {
                int events = (row.GetInt32("Events") ?? 1) + 1;
                row["Status"] = nameof(PaymentStatus.Sent);
                row["File"] = file;
                row["Events"] = events;
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag));
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, EventRow(partition, row.RowKey, events, PaymentStatus.Sent, file, now)));
            }

            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                tied.AddRange(chunk.Select(r => r.RowKey));
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                foreach (TableEntity row in chunk)
                {
                    var one = await TransitionAsync(partition, row.RowKey, PaymentStatus.Sent, null, file, cancellationToken).ConfigureAwait(false);
                    if (one.Outcome is LedgerTransitionOutcome.Moved or LedgerTransitionOutcome.Unchanged && one.File == file) tied.Add(row.RowKey);
                }
            }
        }

        return tied;
    }

    /// <summary>
    /// Marks a payment as held for want of a bank account; true the first time (the caller raises one work item), false
    /// when it was marked before or is gone.
    /// </summary>
    public async Task<bool> MarkHeldAsync(string partition, string key, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value!.GetBoolean("Held") == true) return false;
        try
        {
            await _table.UpdateEntityAsync(new TableEntity(partition, key) { ["Held"] = true }, found.Value!.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false; // changed meanwhile (marked by another delivery, or sent): no second work item
        }
    }

    /// <summary>The events of one payment, oldest first (status and reason or file).</summary>
    public async Task<IReadOnlyList<(PaymentStatus Status, string? Detail, DateTimeOffset At)>> EventsAsync(string partition, string key, CancellationToken cancellationToken)
    {
        var events = new List<(PaymentStatus, string?, DateTimeOffset)>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {key + "|ev|"} and RowKey lt {key + "|ev|~"}");
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            events.Add((Enum.Parse<PaymentStatus>(row.GetString("Status")), row.GetString("Reason"), row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue));
        }

        return events;
    }

    private async Task<IReadOnlyList<LedgerEntry>> WriteChunkAsync(string partition, string jurisdiction, PaymentInstruction[] chunk, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        try
        {
            var actions = new List<TableTransactionAction>(chunk.Length * 2);
            foreach (PaymentInstruction instruction in chunk)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, InstructionRow(partition, jurisdiction, instruction)));
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, EventRow(partition, instruction.IdempotencyKey, 1, PaymentStatus.Instructed, null, now)));
            }

            await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return chunk.Select(i => new LedgerEntry(i, PaymentStatus.Instructed, true)).ToArray();
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // Some are there already (a retried payroll or decision): write the missing ones one by one.
            _logger.LedgerChunkHadExisting(partition, chunk.Length);
            var entries = new List<LedgerEntry>(chunk.Length);
            foreach (PaymentInstruction instruction in chunk)
            {
                entries.Add(await WriteOneAsync(partition, jurisdiction, instruction, now, cancellationToken).ConfigureAwait(false));
            }

            return entries;
        }
    }

    private async Task<LedgerEntry> WriteOneAsync(string partition, string jurisdiction, PaymentInstruction instruction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await _table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, InstructionRow(partition, jurisdiction, instruction)),
                    new TableTransactionAction(TableTransactionActionType.Add, EventRow(partition, instruction.IdempotencyKey, 1, PaymentStatus.Instructed, null, now)),
                ],
                cancellationToken).ConfigureAwait(false);
            return new LedgerEntry(instruction, PaymentStatus.Instructed, true);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            TableEntity stored = (await _table.GetEntityAsync<TableEntity>(partition, instruction.IdempotencyKey, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            PaymentInstruction existing = ToInstruction(stored);
            if (existing.Amount != instruction.Amount)
            {
                // The same payment asked again with another amount: the first stands (it may be at the bank already).
                _logger.LedgerAmountDiffers(instruction.CaseId, instruction.Program, instruction.Period);
            }

            return new LedgerEntry(existing, Enum.Parse<PaymentStatus>(stored.GetString("Status")), false);
        }
    }

    private static TableEntity InstructionRow(string partition, string jurisdiction, PaymentInstruction i) => new(partition, i.IdempotencyKey)
    {
        ["Kind"] = InstructionKind,
        ["BeneficiaryId"] = i.BeneficiaryId,
        ["CaseId"] = i.CaseId,
        ["Program"] = i.Program,
        ["Period"] = i.Period,
        ["Jurisdiction"] = jurisdiction,
        ["Amount"] = i.Amount.ToString("0.00", CultureInfo.InvariantCulture),
        ["AmountFen"] = decimal.ToInt64(i.Amount * 100m),
        ["Source"] = i.Source.ToString(),
        ["Status"] = PaymentStatus.Instructed.ToString(),
        ["Month"] = i.Month?.ToString(),
        ["Events"] = 1,
        ["CreatedAt"] = i.CreatedAt,
    };

    private static TableEntity EventRow(string partition, string key, int sequence, PaymentStatus status, string? reason, DateTimeOffset at) =>
        new(partition, string.Create(CultureInfo.InvariantCulture, $"{key}|ev|{sequence:000}"))
        {
            ["Kind"] = EventKind,
            ["Status"] = status.ToString(),
            ["Reason"] = reason,
            ["At"] = at,
        };

    private static PaymentInstruction ToInstruction(TableEntity row) => new(
        row.GetString("BeneficiaryId"),
        row.GetString("CaseId"),
        row.GetString("Program"),
        row.GetString("Period"),
        decimal.Parse(row.GetString("Amount"), CultureInfo.InvariantCulture),
        Enum.Parse<FundSource>(row.GetString("Source")),
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue)
    {
        Month = row.GetString("Month") is { } month ? PayPeriod.Parse(month) : null,
    };
}
