using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.Cases.Deadlines;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Records;
using Relief.Cases.Transfers;

namespace Relief.Cases.Storage.Cases;

/// <summary>
/// Case records (案件) in a table — PartitionKey = case id, RowKey <c>case</c> — and each application's payload
/// (personal data) as a blob <c>{caseId}.json</c>. Creates never overwrite; updates are optimistic on the
/// row's ETag (<see cref="CaseRecord.Version"/>). The work list is a filtered, paged query over the table.
/// Call <see cref="InitializeAsync"/> once at start.
/// </summary>
public sealed partial class CaseStore : ICaseStore
{
    private const string RowKey = "case";
    private static readonly DateTimeOffset NoDeadline = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private readonly TableClient _table;
    private readonly BlobContainerClient _applications;
    private readonly CaseStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CaseStore> _logger;

    /// <summary>Creates the store.</summary>
    public CaseStore(TableServiceClient tables, BlobServiceClient blobs, IOptions<CaseStoreOptions> options, TimeProvider time, ILogger<CaseStore> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _options.Validate();
        _table = tables.GetTableClient(_options.TableName);
        _applications = blobs.GetBlobContainerClient(_options.ApplicationContainerName);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Creates the table and container if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _applications.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores a new case and its application. Safe to retry: the application blob is written only if absent
    /// and the record with AddEntity; when the case exists, the stored record is returned with
    /// <see cref="CaseCreateResult.Created"/> false and nothing is overwritten.
    /// </summary>
    public async Task<CaseCreateResult> CreateAsync(CaseRecord record, ApplicationRequest application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(application);
        StorageNames.ThrowIfInvalidCaseId(record.CaseId, nameof(record));

        try
        {
            var payload = BinaryData.FromObjectAsJson(application, StorageJson.Options);
            await _applications.GetBlobClient(BlobName(record.CaseId)).UploadAsync(
                payload,
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Written by an earlier attempt of the same create; never overwrite an application.
        }

        try
        {
            Response response = await _table.AddEntityAsync(ToEntity(record), cancellationToken).ConfigureAwait(false);
            _logger.CaseCreated(record.CaseId, record.Program.ToCode(), record.Jurisdiction);
            return new CaseCreateResult(record with { Version = response.Headers.ETag?.ToString() }, Created: true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            _logger.CaseAlreadyExists(record.CaseId);
            CaseRecord existing = await GetAsync(record.CaseId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Case {record.CaseId} conflicted on create but cannot be read.", ex);
            return new CaseCreateResult(existing, Created: false);
        }
    }

    /// <summary>The case, or null when there is none.</summary>
    public async Task<CaseRecord?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        StorageNames.ThrowIfInvalidCaseId(caseId);
        NullableResponse<TableEntity> response = await _table.GetEntityIfExistsAsync<TableEntity>(caseId, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>The application as submitted (personal data), or null when there is none.</summary>
    public async Task<ApplicationRequest?> GetApplicationAsync(string caseId, CancellationToken cancellationToken)
    {
        StorageNames.ThrowIfInvalidCaseId(caseId);
        try
        {
            Response<BlobDownloadResult> response = await _applications.GetBlobClient(BlobName(caseId)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return response.Value.Content.ToObjectFromJson<ApplicationRequest>(StorageJson.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Keeps the household as a review found it, beside the application (blob <c>{caseId}.reviews/{reviewId}.json</c>).</summary>
    public async Task SaveReviewedApplicationAsync(string caseId, string reviewId, ApplicationRequest application, CancellationToken cancellationToken)
    {
        StorageNames.ThrowIfInvalidCaseId(caseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewId);
        ArgumentNullException.ThrowIfNull(application);
        var payload = BinaryData.FromObjectAsJson(application, StorageJson.Options);
        await _applications.GetBlobClient(ReviewedBlobName(caseId, reviewId)).UploadAsync(payload,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The household as a review found it, or null.</summary>
    public async Task<ApplicationRequest?> GetReviewedApplicationAsync(string caseId, string reviewId, CancellationToken cancellationToken)
    {
        StorageNames.ThrowIfInvalidCaseId(caseId);
        try
        {
            Response<BlobDownloadResult> response = await _applications.GetBlobClient(ReviewedBlobName(caseId, reviewId)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return response.Value.Content.ToObjectFromJson<ApplicationRequest>(StorageJson.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Replaces the case if it has not changed since it was read (<see cref="CaseRecord.Version"/> is its ETag).
    /// Returns the stored record with its new version, or null when someone else changed it first — read it again
    /// and re-apply the change. <see cref="CaseRecord.UpdatedAt"/> is set from the clock.
    /// </summary>
    /// <exception cref="ArgumentException">The record has no version (it was never read from the store).</exception>
    /// <exception cref="InvalidOperationException">The case does not exist.</exception>
    public async Task<CaseRecord?> TryUpdateAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        StorageNames.ThrowIfInvalidCaseId(record.CaseId, nameof(record));
        if (string.IsNullOrEmpty(record.Version))
        {
            throw new ArgumentException("Only a record read from the store (with its Version) can be updated.", nameof(record));
        }

        CaseRecord updated = record with { UpdatedAt = _time.GetUtcNow() };
        try
        {
            Response response = await _table.UpdateEntityAsync(ToEntity(updated), new ETag(record.Version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            _logger.CaseUpdated(record.CaseId, record.Step);
            return updated with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            _logger.CaseUpdateConflict(record.CaseId);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new InvalidOperationException($"Case {record.CaseId} does not exist.", ex);
        }
    }

    /// <summary>
    /// One page of a caseworker's work list (工作台): cases filtered by step, overdue and jurisdiction.
    /// "Overdue" compares each case's earliest running deadline (<see cref="CaseRecord.NextDueAt"/>) with the clock.
    /// The query scans the table (cases of all partitions); the continuation token is the table's.
    /// </summary>
    public async Task<WorkListPage> QueryWorkListAsync(WorkListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        int pageSize = Math.Clamp(query.PageSize ?? _options.DefaultPageSize, 1, _options.MaxPageSize);
        var filters = new List<string> { TableClient.CreateQueryFilter($"RowKey eq {RowKey}") };
        if (query.Step is { } step)
        {
            filters.Add(TableClient.CreateQueryFilter($"Step eq {step.ToString()}"));
        }

        if (!string.IsNullOrWhiteSpace(query.Jurisdiction))
        {
            filters.Add(JurisdictionFilter(query.Jurisdiction));
        }

        if (query.Within is { Count: > 0 } within)
        {
            filters.Add("(" + string.Join(" or ", within.Select(JurisdictionFilter)) + ")");
        }

        if (query.Overdue is { } overdue)
        {
            DateTimeOffset now = _time.GetUtcNow();
            filters.Add(overdue
                ? TableClient.CreateQueryFilter($"NextDueAt lt {now}")
                : TableClient.CreateQueryFilter($"NextDueAt ge {now}"));
        }

        if (query.DueBefore is { } dueBefore)
        {
            filters.Add(TableClient.CreateQueryFilter($"NextDueAt lt {dueBefore}"));
        }

        string filter = string.Join(" and ", filters);
        await foreach (Page<TableEntity> page in _table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken)
                           .AsPages(query.ContinuationToken, pageSize).ConfigureAwait(false))
        {
            // Table order is by case id; each page is sorted by due date (a page filtered by dueBefore is the week's work).
            return new WorkListPage(page.Values.Select(FromEntity).OrderBy(c => c.NextDueAt ?? DateTimeOffset.MaxValue).ThenBy(c => c.CaseId, StringComparer.Ordinal).ToArray(), string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new WorkListPage([], null);
    }

    private static string JurisdictionFilter(string jurisdiction)
    {
        string code = jurisdiction.Trim().ToLowerInvariant();
        return code.Contains('/', StringComparison.Ordinal)
            ? TableClient.CreateQueryFilter($"Jurisdiction eq {code}")
            : TableClient.CreateQueryFilter($"JurisdictionId eq {code}");
    }

    private static string BlobName(string caseId) => caseId + ".json";

    private static string ReviewedBlobName(string caseId, string reviewId) => caseId + ".reviews/" + reviewId + ".json";

    private TableEntity ToEntity(CaseRecord record)
    {
        string jurisdiction = record.Jurisdiction.Trim().ToLowerInvariant();
        var entity = new TableEntity(record.CaseId, RowKey)
        {
            ["Program"] = record.Program.ToString(),
            ["Jurisdiction"] = jurisdiction,
            ["JurisdictionId"] = jurisdiction.Split('/')[0],
            ["Step"] = record.Step.ToString(),
            ["NextDueAt"] = record.NextDueAt ?? NoDeadline,
            ["Deadlines"] = JsonSerializer.Serialize(record.Deadlines, StorageJson.Options),
            ["ClosedDeadlines"] = JsonSerializer.Serialize(record.ClosedDeadlines, StorageJson.Options),
            ["Transfers"] = JsonSerializer.Serialize(record.Transfers, StorageJson.Options),
            ["Verifications"] = JsonSerializer.Serialize(record.Verifications, StorageJson.Options),
            ["Links"] = JsonSerializer.Serialize(record.Links, StorageJson.Options),
            ["Decision"] = record.Decision is null ? null : JsonSerializer.Serialize(record.Decision, StorageJson.Options),
            ["Amount"] = record.Amount?.ToString(CultureInfo.InvariantCulture),
            ["CreatedAt"] = record.CreatedAt,
            ["UpdatedAt"] = record.UpdatedAt,
            ["ApplicationBlob"] = _applications.Name + "/" + BlobName(record.CaseId),
            ["ApplicantSubject"] = record.ApplicantSubject,
            ["Overridden"] = record.Overridden,
            ["PendingAction"] = record.PendingAction is null ? null : JsonSerializer.Serialize(record.PendingAction, StorageJson.Options),
            ["Investigators"] = JsonSerializer.Serialize(record.Investigators, StorageJson.Options),
        };
        return entity;
    }

    private static CaseRecord FromEntity(TableEntity entity) => new()
    {
        CaseId = entity.PartitionKey,
        Program = Enum.Parse<AssistanceProgram>(entity.GetString("Program")),
        Jurisdiction = entity.GetString("Jurisdiction"),
        Step = Enum.Parse<CaseStep>(entity.GetString("Step")),
        Deadlines = Deserialize<CaseDeadline[]>(entity.GetString("Deadlines")) ?? [],
        ClosedDeadlines = Deserialize<CaseDeadlineKind[]>(entity.GetString("ClosedDeadlines")) ?? [],
        Transfers = Deserialize<TransferRecord[]>(entity.GetString("Transfers")) ?? [],
        Verifications = Deserialize<Relief.Cases.Verification.VerificationRecord[]>(entity.GetString("Verifications")) ?? [],
        Links = Deserialize<CaseLink[]>(entity.GetString("Links")) ?? [],
        Decision = Deserialize<CaseDecisionRecord>(entity.GetString("Decision")),
        ApplicantSubject = entity.GetString("ApplicantSubject"),
        Overridden = entity.GetBoolean("Overridden") ?? false,
        PendingAction = Deserialize<CaseActionClaim>(entity.GetString("PendingAction")),
        Investigators = Deserialize<string[]>(entity.GetString("Investigators")) ?? [],
        CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? default,
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? default,
        Version = entity.ETag.ToString(),
    };

    private static T? Deserialize<T>(string? json)
        where T : class =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<T>(json, StorageJson.Options);
}
