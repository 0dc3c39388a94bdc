using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Relief.Cases.Storage.Feeds;

/// <summary>What a claim on an agency record found.</summary>
public enum FeedClaimOutcome
{
    /// <summary>First time seen: apply it.</summary>
    New,

    /// <summary>Seen before but its effects were not all recorded (a crash, a failed attempt): apply it again — every effect is idempotent.</summary>
    Unfinished,

    /// <summary>Seen and applied: a duplicate, nothing to do.</summary>
    Duplicate,

    /// <summary>The same record id arrived before with other content: refused, never applied silently.</summary>
    Conflict,
}

/// <summary>A claim's outcome and the time the record was first received (the effects' time, so a retry writes the same).</summary>
/// <param name="Outcome">What was found.</param>
/// <param name="ReceivedAt">When the record was first received.</param>
/// <param name="Result">For a duplicate: what its first processing did.</param>
public sealed record FeedClaim(FeedClaimOutcome Outcome, DateTimeOffset ReceivedAt, string? Result);

/// <summary>
/// The agency records received (部门数据接收台账): one row per feed and record id with the content's hash, the time it
/// was first received, once applied what it did, and how often it arrived again (<c>Repeats</c>). PartitionKey = feed and the first two hex digits of the record
/// id's hash (256 partitions per feed, so a burst spreads), RowKey = the hash. Call <see cref="InitializeAsync"/> once.
/// </summary>
public sealed class FeedRecordStore
{
    private readonly TableClient _table;

    /// <summary>Creates the store.</summary>
    public FeedRecordStore(TableServiceClient tables, IOptions<DiscoveryStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _table = tables.GetTableClient(options.Value.RecordsTableName);
    }

    /// <summary>Creates the table if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Claims a record: new, unfinished, a duplicate, or a conflict with what arrived under its id before.</summary>
    public async Task<FeedClaim> ClaimAsync(string feed, string recordId, string contentHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(feed, recordId);
        var entity = new TableEntity(partition, row)
        {
            ["RecordId"] = recordId,
            ["Hash"] = contentHash,
            ["ReceivedAt"] = now,
            ["Applied"] = false,
        };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return new FeedClaim(FeedClaimOutcome.New, now, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            TableEntity stored = (await _table.GetEntityAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            DateTimeOffset received = stored.GetDateTimeOffset("ReceivedAt") ?? now;
            if (!string.Equals(stored.GetString("Hash"), contentHash, StringComparison.Ordinal))
            {
                return new FeedClaim(FeedClaimOutcome.Conflict, received, stored.GetString("Result"));
            }

            if (stored.GetBoolean("Applied") != true)
            {
                return new FeedClaim(FeedClaimOutcome.Unfinished, received, null);
            }

            // Counted for the operators (an agency that resends); a lost race only loses a count, never an effect.
            try
            {
                await _table.UpdateEntityAsync(new TableEntity(partition, row) { ["Repeats"] = (stored.GetInt32("Repeats") ?? 0) + 1 }, stored.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException update) when (update.Status == 412)
            {
            }

            return new FeedClaim(FeedClaimOutcome.Duplicate, received, stored.GetString("Result"));
        }
    }

    /// <summary>Records that the record's effects are all written, and what they were (no personal data).</summary>
    public async Task CompleteAsync(string feed, string recordId, string result, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(feed, recordId);
        await _table.UpdateEntityAsync(new TableEntity(partition, row) { ["Applied"] = true, ["Result"] = result }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The result recorded for a record, or null when it was never received or is not applied yet.</summary>
    public async Task<string?> ResultAsync(string feed, string recordId, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(feed, recordId);
        var stored = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return stored.HasValue && stored.Value!.GetBoolean("Applied") == true ? stored.Value.GetString("Result") : null;
    }

    private static (string Partition, string Row) Keys(string feed, string recordId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feed);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordId);
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recordId)))[..32];
        return (feed + "|" + hash[..2], hash);
    }
}
