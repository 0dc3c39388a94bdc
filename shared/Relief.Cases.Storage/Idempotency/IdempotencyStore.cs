using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Relief.Cases.Storage.Idempotency;

/// <summary>
/// Idempotency-Key → case id, insert-if-absent, so a retried <c>POST /api/applications</c> returns the same case
/// and never a second one. The key (client-chosen, possibly sensitive) is not stored: the PartitionKey is the
/// SHA-256 of scope and key; the row keeps the case id and the request body's hash.
/// <para>
/// Usage: propose a new case id, <see cref="ClaimAsync"/>; on <see cref="IdempotencyOutcome.Created"/> create
/// the case with that id; on <see cref="IdempotencyOutcome.Replayed"/> return the earlier case id — and create it
/// if it does not exist yet (the first attempt may have died between claim and create; <c>CaseStore.CreateAsync</c>
/// is itself idempotent by case id); on <see cref="IdempotencyOutcome.Conflict"/> reject the request.
/// </para>
/// Call <see cref="InitializeAsync"/> once at start.
/// </summary>
public sealed class IdempotencyStore : IIdempotencyStore
{
    /// <summary>Longest accepted key.</summary>
    public const int MaxKeyLength = 255;

    private const string RowKey = "key";

    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly ILogger<IdempotencyStore> _logger;

    /// <summary>Creates the store.</summary>
    public IdempotencyStore(TableServiceClient tables, IOptions<IdempotencyStoreOptions> options, TimeProvider time, ILogger<IdempotencyStore> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _table = tables.GetTableClient(options.Value.TableName);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Creates the table if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>True for a usable key: 1–255 printable ASCII characters (HTTP maps anything else to 400).</summary>
    public static bool IsValidKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxKeyLength && key.All(c => c is >= ' ' and <= '~');

    /// <summary>
    /// Claims <paramref name="key"/> within <paramref name="scope"/> (e.g. the route <c>applications</c>, or a
    /// client id) for <paramref name="proposedCaseId"/>, recording <paramref name="requestHash"/>
    /// (<see cref="RequestHash"/>). Atomic: of concurrent claims exactly one gets <see cref="IdempotencyOutcome.Created"/>.
    /// </summary>
    public async Task<IdempotencyClaim> ClaimAsync(string scope, string key, string requestHash, string proposedCaseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        if (!IsValidKey(key))
        {
            throw new ArgumentException("An Idempotency-Key is 1–255 printable ASCII characters.", nameof(key));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(requestHash);
        StorageNames.ThrowIfInvalidCaseId(proposedCaseId, nameof(proposedCaseId));

        string partition = PartitionOf(scope, key);
        DateTimeOffset now = _time.GetUtcNow();
        var entity = new TableEntity(partition, RowKey)
        {
            ["CaseId"] = proposedCaseId,
            ["RequestHash"] = requestHash,
            ["FirstSeenAt"] = now,
        };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            _logger.IdempotencyClaimed(proposedCaseId);
            return new IdempotencyClaim(IdempotencyOutcome.Created, proposedCaseId, now);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            Response<TableEntity> existing = await _table.GetEntityAsync<TableEntity>(partition, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            string caseId = existing.Value.GetString("CaseId");
            DateTimeOffset firstSeen = existing.Value.GetDateTimeOffset("FirstSeenAt") ?? now;
            if (string.Equals(existing.Value.GetString("RequestHash"), requestHash, StringComparison.Ordinal))
            {
                _logger.IdempotencyReplayed(caseId);
                return new IdempotencyClaim(IdempotencyOutcome.Replayed, caseId, firstSeen);
            }

            _logger.IdempotencyConflict(caseId);
            return new IdempotencyClaim(IdempotencyOutcome.Conflict, caseId, firstSeen);
        }
    }

    private static string PartitionOf(string scope, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + key)));
}
