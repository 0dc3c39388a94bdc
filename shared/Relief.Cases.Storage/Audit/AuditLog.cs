using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.Cases.Audit;

namespace Relief.Cases.Storage.Audit;

/// <summary>
/// The append-only audit trail of each case (审计记录): PartitionKey = case id, RowKey = the sequence number
/// zero-padded to 10 digits, so a partition reads back in order (optional operation markers, RowKey <c>op-…</c>, sort after them). Entries are written with AddEntity — an
/// existing entry is never overwritten or updated — and an append that loses a race for a sequence number
/// retries with the next one. Call <see cref="InitializeAsync"/> once at start.
/// </summary>
public sealed class AuditLog : IAuditLog
{
    private const int SequenceDigits = 10;

    private readonly TableClient _table;
    private readonly AuditLogOptions _options;
    private readonly ILogger<AuditLog> _logger;

    /// <summary>Creates the log.</summary>
    public AuditLog(TableServiceClient tables, IOptions<AuditLogOptions> options, ILogger<AuditLog> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _options.Validate();
        _table = tables.GetTableClient(_options.TableName);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Creates the table if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Appends <paramref name="entry"/> to its case's trail and returns it with the sequence it got (the
    /// <see cref="AuditEntry.Sequence"/> passed in is ignored). The summary and actor must be free of personal data.
    /// </summary>
    /// <exception cref="InvalidOperationException">Every attempt lost its race (more than <see cref="AuditLogOptions.MaxAppendAttempts"/> concurrent appends).</exception>
    public Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        AppendAsync(entry, operationId: null, cancellationToken);

    /// <summary>
    /// Appends <paramref name="entry"/> at most once per <paramref name="operationId"/> (e.g. an orchestration's
    /// instance id and event id): a retried activity that already appended gets the entry stored the first time
    /// instead of a duplicate. The entry and an operation marker row are written in one table transaction. With a
    /// null operation id this is a plain append.
    /// </summary>
    /// <exception cref="InvalidOperationException">Every attempt lost its race (more than <see cref="AuditLogOptions.MaxAppendAttempts"/> concurrent appends).</exception>
    public async Task<AuditEntry> AppendAsync(AuditEntry entry, string? operationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        StorageNames.ThrowIfInvalidCaseId(entry.CaseId, nameof(entry));
        string? marker = operationId is null ? null : MarkerRowKey(operationId);
        if (marker is not null && await FindMarkedAsync(entry.CaseId, marker, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return earlier;
        }

        int sequence = await LastSequenceAsync(entry.CaseId, cancellationToken).ConfigureAwait(false) + 1;
        for (int attempt = 0; attempt < _options.MaxAppendAttempts; attempt++, sequence++)
        {
            AuditEntry numbered = entry with { Sequence = sequence };
            try
            {
                if (marker is null)
                {
                    await _table.AddEntityAsync(ToEntity(numbered), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var markerEntity = new TableEntity(entry.CaseId, marker) { ["Sequence"] = sequence };
                    await _table.SubmitTransactionAsync(
                        [new TableTransactionAction(TableTransactionActionType.Add, ToEntity(numbered)), new TableTransactionAction(TableTransactionActionType.Add, markerEntity)],
                        cancellationToken).ConfigureAwait(false);
                }

                _logger.AuditAppended(entry.CaseId, sequence, entry.Kind.ToString());
                return numbered;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                if (marker is not null && await FindMarkedAsync(entry.CaseId, marker, cancellationToken).ConfigureAwait(false) is { } concurrent)
                {
                    return concurrent;
                }

                _logger.AuditSequenceTaken(entry.CaseId, sequence);
            }
        }

        throw new InvalidOperationException($"Could not append to the audit trail of case {entry.CaseId} after {_options.MaxAppendAttempts} attempts.");
    }

    /// <summary>Every entry of the case, in sequence order; empty when there is none.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string caseId, CancellationToken cancellationToken)
    {
        StorageNames.ThrowIfInvalidCaseId(caseId);
        var entries = new List<AuditEntry>();
        await foreach (TableEntity entity in _table.QueryAsync<TableEntity>(EntriesOf(caseId), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(FromEntity(entity));
        }

        return entries;
    }

    private async Task<int> LastSequenceAsync(string caseId, CancellationToken cancellationToken)
    {
        int last = 0;
        await foreach (TableEntity entity in _table.QueryAsync<TableEntity>(EntriesOf(caseId), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            last = Math.Max(last, int.Parse(entity.RowKey, CultureInfo.InvariantCulture));
        }

        return last;
    }

    private async Task<AuditEntry?> FindMarkedAsync(string caseId, string marker, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> found = await _table.GetEntityIfExistsAsync<TableEntity>(caseId, marker, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value!.GetInt32("Sequence") is not { } sequence)
        {
            return null;
        }

        Response<TableEntity> entry = await _table.GetEntityAsync<TableEntity>(caseId, RowKeyOf(sequence), cancellationToken: cancellationToken).ConfigureAwait(false);
        return FromEntity(entry.Value);
    }

    /// <summary>Entry rows only: sequence RowKeys are digits, marker rows start with <c>op-</c>.</summary>
    private static string EntriesOf(string caseId) => TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey lt {"a"}");

    /// <summary>The marker RowKey of an operation id: <c>op-</c> and its SHA-256 (any id is key-safe).</summary>
    private static string MarkerRowKey(string operationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        return "op-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(operationId)));
    }

    /// <summary>The RowKey of a sequence number.</summary>
    internal static string RowKeyOf(int sequence) => sequence.ToString(new string('0', SequenceDigits), CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(AuditEntry entry) => new(entry.CaseId, RowKeyOf(entry.Sequence))
    {
        ["At"] = entry.At,
        ["Kind"] = entry.Kind.ToString(),
        ["Actor"] = entry.Actor,
        ["Step"] = entry.Step,
        ["Summary"] = entry.Summary,
        ["Due"] = entry.Due,
    };

    private static AuditEntry FromEntity(TableEntity entity) => new(
        entity.PartitionKey,
        int.Parse(entity.RowKey, CultureInfo.InvariantCulture),
        entity.GetDateTimeOffset("At") ?? default,
        Enum.Parse<AuditEntryKind>(entity.GetString("Kind")),
        entity.GetString("Actor"),
        entity.GetString("Step"),
        entity.GetString("Summary"),
        entity.GetDateTimeOffset("Due"));
}
