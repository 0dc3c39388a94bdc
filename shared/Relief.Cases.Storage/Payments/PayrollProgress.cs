using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Relief.Cases.Storage.Payments;

/// <summary>What a payroll has done for one shard of a jurisdiction.</summary>
/// <param name="Shard">The shard.</param>
/// <param name="Instructions">Instructions of the period in the shard (new and earlier ones).</param>
/// <param name="NewInstructions">Instructions this run wrote.</param>
/// <param name="Amount">Yuan of all the shard's instructions for the period.</param>
/// <param name="Batches">Batch messages sent to the bank adapter.</param>
/// <param name="CompletedAt">When the shard finished.</param>
public sealed record PayrollShardResult(int Shard, int Instructions, int NewInstructions, decimal Amount, int Batches, DateTimeOffset CompletedAt);

/// <summary>The progress of a jurisdiction's payroll for a period.</summary>
/// <param name="Jurisdiction">Payroll jurisdiction (first segment).</param>
/// <param name="Period">The period.</param>
/// <param name="Shards">Shards in all.</param>
/// <param name="StartedAt">When the run (first) started.</param>
/// <param name="Completed">Shards finished so far.</param>
public sealed record PayrollRun(string Jurisdiction, string Period, int Shards, DateTimeOffset StartedAt, IReadOnlyList<PayrollShardResult> Completed)
{
    /// <summary>True when every shard has finished.</summary>
    public bool Done => Completed.Count == Shards;

    /// <summary>Instructions of the period so far.</summary>
    public int Instructions => Completed.Sum(c => c.Instructions);

    /// <summary>Yuan instructed so far.</summary>
    public decimal Amount => Completed.Sum(c => c.Amount);
}

/// <summary>
/// Payroll runs in a table: PartitionKey = period; RowKey = jurisdiction (the run) and <c>{jurisdiction}|{shard}</c>
/// (each finished shard). Reading a run is one partition query; nothing scans the ledger.
/// </summary>
public sealed class PayrollProgress
{
    private readonly TableClient _table;

    /// <summary>Creates the store.</summary>
    public PayrollProgress(TableServiceClient tables, IOptions<PaymentStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _table = tables.GetTableClient(options.Value.PayrollTableName);
    }

    /// <summary>Creates the table if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Records that a run started (the first start stays; a rerun keeps it).</summary>
    public async Task StartedAsync(string root, string period, int shards, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(period, root) { ["Shards"] = shards, ["StartedAt"] = at }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Started before (a rerun or a retried activity).
        }
    }

    /// <summary>Records a finished shard (a rerun replaces it with its own figures, which include the earlier ones).</summary>
    public async Task ShardDoneAsync(string root, string period, PayrollShardResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await _table.UpsertEntityAsync(
            new TableEntity(period, string.Create(CultureInfo.InvariantCulture, $"{root}|{result.Shard:000}"))
            {
                ["Instructions"] = result.Instructions,
                ["NewInstructions"] = result.NewInstructions,
                ["Amount"] = result.Amount.ToString("0.00", CultureInfo.InvariantCulture),
                ["Batches"] = result.Batches,
                ["CompletedAt"] = result.CompletedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every run of a period, by jurisdiction.</summary>
    public async Task<IReadOnlyList<PayrollRun>> ReadAsync(string period, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        var shards = new List<TableEntity>();
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey.Contains('|', StringComparison.Ordinal)) shards.Add(row);
            else headers[row.RowKey] = row;
        }

        return headers.Values.Select(h => new PayrollRun(
                h.RowKey,
                period,
                h.GetInt32("Shards") ?? 0,
                h.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
                shards.Where(s => s.RowKey.StartsWith(h.RowKey + "|", StringComparison.Ordinal)).Select(s => new PayrollShardResult(
                    int.Parse(s.RowKey[(h.RowKey.Length + 1)..], CultureInfo.InvariantCulture),
                    s.GetInt32("Instructions") ?? 0,
                    s.GetInt32("NewInstructions") ?? 0,
                    decimal.Parse(s.GetString("Amount"), CultureInfo.InvariantCulture),
                    s.GetInt32("Batches") ?? 0,
                    s.GetDateTimeOffset("CompletedAt") ?? DateTimeOffset.MinValue)).OrderBy(s => s.Shard).ToArray()))
            .OrderBy(r => r.Jurisdiction, StringComparer.Ordinal)
            .ToArray();
    }
}
