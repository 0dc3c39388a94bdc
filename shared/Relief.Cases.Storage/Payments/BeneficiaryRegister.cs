using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.Cases.Payments;

namespace Relief.Cases.Storage.Payments;

/// <summary>
/// The beneficiary register (救助对象名册) in a table: PartitionKey = jurisdiction and shard
/// (<see cref="PayrollShards.RegisterPartition"/>), RowKey = <c>{beneficiaryId}|{program}</c>; the changes of an
/// entitlement are kept in the row as JSON, appended under the row's ETag (a change lost to a concurrent one is
/// re-applied to what won). Enrolment never overwrites. Call <see cref="InitializeAsync"/> once at start.
/// </summary>
public sealed class BeneficiaryRegister
{
    private const int MaxAttempts = 5;

    private readonly TableClient _table;
    private readonly int _shards;
    private readonly ILogger<BeneficiaryRegister> _logger;

    /// <summary>Creates the register.</summary>
    public BeneficiaryRegister(TableServiceClient tables, IOptions<PaymentStorageOptions> options, ILogger<BeneficiaryRegister> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _table = tables.GetTableClient(options.Value.RegisterTableName);
        _shards = options.Value.Shards;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Shards per jurisdiction.</summary>
    public int Shards => _shards;

    /// <summary>Creates the table if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Enrols an entitlement. Safe to retry: when the household is already enrolled in the program the stored
    /// entitlement is returned with <c>Created</c> false and nothing is overwritten.
    /// </summary>
    public async Task<(Entitlement Entitlement, bool Created)> EnrolAsync(Entitlement entitlement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        try
        {
            await _table.AddEntityAsync(ToEntity(entitlement), cancellationToken).ConfigureAwait(false);
            _logger.BeneficiaryEnrolled(entitlement.CaseId, entitlement.Program, entitlement.Jurisdiction);
            return (entitlement, true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var row = await _table.GetEntityAsync<TableEntity>(ToEntity(entitlement).PartitionKey, entitlement.Key, cancellationToken: cancellationToken).ConfigureAwait(false);
            Entitlement existing = FromEntity(row.Value);
            return (existing, false);
        }
    }

    /// <summary>
    /// Enrols many entitlements (an import from the system Relief replaces, a load test): 100 per table transaction
    /// within a partition; a transaction meeting an existing one is redone one by one (<see cref="EnrolAsync"/>), so an
    /// interrupted import can be run again. Returns how many were new.
    /// </summary>
    public async Task<int> EnrolManyAsync(IEnumerable<Entitlement> entitlements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entitlements);
        int created = 0;
        foreach (var partition in entitlements.Select(ToEntity).GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (TableEntity[] chunk in partition.DistinctBy(e => e.RowKey, StringComparer.Ordinal).Chunk(100))
            {
                try
                {
                    await _table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken).ConfigureAwait(false);
                    created += chunk.Length;
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 409)
                {
                    foreach (TableEntity row in chunk)
                    {
                        if ((await EnrolAsync(FromEntity(row), cancellationToken).ConfigureAwait(false)).Created) created++;
                    }
                }
            }
        }

        return created;
    }

    /// <summary>The entitlement of a household in a program, or null.</summary>
    public async Task<Entitlement?> GetAsync(string jurisdiction, string beneficiaryId, string program, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(
            PayrollShards.RegisterPartition(PayrollShards.Root(jurisdiction), PayrollShards.Of(beneficiaryId, _shards)), RowKey(beneficiaryId, program),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>
    /// Appends a change to an enrolled entitlement; the result says why not when the entitlement refuses it or
    /// none exists. Retries when another change won the race for the row. Idempotent: a change equal to one already
    /// recorded (kind, months, amount, reason, reference and time: a retried decision) is not appended twice.
    /// </summary>
    public async Task<EntitlementResult> AppendAsync(string jurisdiction, string beneficiaryId, string program, EntitlementChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        string partition = PayrollShards.RegisterPartition(PayrollShards.Root(jurisdiction), PayrollShards.Of(beneficiaryId, _shards));
        for (int attempt = 1; ; attempt++)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(partition, RowKey(beneficiaryId, program), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!row.HasValue)
            {
                return new EntitlementResult(null, $"No {program} entitlement is registered for the household.");
            }

            Entitlement stored = FromEntity(row.Value!);
            if (stored.Changes.Any(c => c == change))
            {
                return new EntitlementResult(stored, null); // appended by an earlier attempt of the same decision
            }

            EntitlementResult result = stored.Append(change);
            if (!result.Applied)
            {
                return result;
            }

            try
            {
                await _table.UpdateEntityAsync(ToEntity(result.Entitlement), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                _logger.EntitlementChanged(result.Entitlement.CaseId, program, change.Kind.ToString(), change.From.ToString());
                return result;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
            {
                // Changed meanwhile: apply the change again to what is stored now.
            }
        }
    }

    /// <summary>
    /// Moves an entitlement to another jurisdiction (a handover after a hukou move, 转办): its history goes with it
    /// unchanged. Within one city the row is updated in place; to another city the row is written under the new
    /// jurisdiction first and then removed from the old one, so a crash between leaves it in both for a moment, never in
    /// neither (the ledger's idempotency key — household, program, period — still pays a month once). Returns the
    /// entitlement as moved, or null when none is registered. Safe to retry.
    /// </summary>
    public async Task<Entitlement?> MoveAsync(string fromJurisdiction, string toJurisdiction, string beneficiaryId, string program, CancellationToken cancellationToken)
    {
        Entitlement? current = await GetAsync(fromJurisdiction, beneficiaryId, program, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return await GetAsync(toJurisdiction, beneficiaryId, program, cancellationToken).ConfigureAwait(false);
        }

        Entitlement moved = current with { Jurisdiction = toJurisdiction };
        TableEntity target = ToEntity(moved);
        await _table.UpsertEntityAsync(target, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        string oldPartition = PayrollShards.RegisterPartition(PayrollShards.Root(fromJurisdiction), PayrollShards.Of(beneficiaryId, _shards));
        if (!string.Equals(oldPartition, target.PartitionKey, StringComparison.Ordinal))
        {
            await _table.DeleteEntityAsync(oldPartition, target.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }

        return moved;
    }

    /// <summary>Every entitlement of one shard of a jurisdiction, in pages of up to 1,000 rows.</summary>
    public async IAsyncEnumerable<Entitlement> ReadShardAsync(string root, int shard, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {PayrollShards.RegisterPartition(root, shard)}");
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(row);
        }
    }

    private TableEntity ToEntity(Entitlement e) => new(
        PayrollShards.RegisterPartition(PayrollShards.Root(e.Jurisdiction), PayrollShards.Of(e.BeneficiaryId, _shards)), e.Key)
    {
        ["Plan"] = e.Plan is null ? null : JsonSerializer.Serialize(e.Plan.Select(p => new StoredPayment(p.Month.ToString(), p.Period, p.Amount)).ToArray(), StorageJson.Options),
        ["BeneficiaryId"] = e.BeneficiaryId,
        ["Program"] = e.Program,
        ["Jurisdiction"] = e.Jurisdiction,
        ["CaseId"] = e.CaseId,
        ["Members"] = e.Members,
        ["Changes"] = JsonSerializer.Serialize(e.Changes.Select(StoredChange.Of).ToArray(), StorageJson.Options),
    };

    private static Entitlement FromEntity(TableEntity row) => new(
        row.GetString("BeneficiaryId"),
        row.GetString("Program"),
        row.GetString("Jurisdiction"),
        row.GetString("CaseId"),
        row.GetInt32("Members") ?? 1,
        JsonSerializer.Deserialize<StoredChange[]>(row.GetString("Changes"), StorageJson.Options)!.Select(c => c.ToChange()).ToArray())
    {
        Plan = row.GetString("Plan") is { } plan
            ? JsonSerializer.Deserialize<StoredPayment[]>(plan, StorageJson.Options)!.Select(p => new PlannedPayment(PayPeriod.Parse(p.Month), p.Period, p.Amount)).ToArray()
            : null,
    };

    private static string RowKey(string beneficiaryId, string program) => beneficiaryId + "|" + program;

    /// <summary>A planned payment as stored.</summary>
    private sealed record StoredPayment(string Month, string Period, decimal Amount);

    /// <summary>A change as stored (periods as <c>yyyy-MM</c> text).</summary>
    private sealed record StoredChange(EntitlementChangeKind Kind, string From, decimal? MonthlyAmount, string? Until, string Reason, string Reference, DateTimeOffset RecordedAt)
    {
        public static StoredChange Of(EntitlementChange c) => new(c.Kind, c.From.ToString(), c.MonthlyAmount, c.Until?.ToString(), c.Reason, c.Reference, c.RecordedAt);

        public EntitlementChange ToChange() => new(Kind, PayPeriod.Parse(From), MonthlyAmount, Until is null ? null : PayPeriod.Parse(Until), Reason, Reference, RecordedAt);
    }
}
