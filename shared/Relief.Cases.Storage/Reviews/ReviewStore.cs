using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Relief.Cases.Payments;
using Relief.Cases.Reviews;
using Relief.Cases.Storage.Payments;
using Relief.Domain.Reviews;

using Relief.Cases.Statistics;
using Relief.Cases.Storage.Statistics;

namespace Relief.Cases.Storage.Reviews;

/// <summary>
/// Review schedules, reviews and the due index in tables (section <c>Relief:Reviews:Storage</c>):
/// <list type="bullet">
/// <item>a household's schedule: PartitionKey <c>household|{beneficiaryId}</c>, RowKey the program;</item>
/// <item>a review on the work list: PartitionKey <c>worklist|{jurisdiction root}|{due yyyy-MM}</c>, RowKey the review id,
/// and a pointer to it under <c>review|{beneficiaryId}</c> (a review is found from its id, a household's reviews from
/// the household);</item>
/// <item>the due index, its own table: PartitionKey <c>{Yearly|HalfYearly}|{due yyyy-MM}</c>, RowKey
/// <c>{program}|{beneficiaryId}</c> — one row per household, moved when its next review moves.</item>
/// </list>
/// Every write is idempotent: safe under the activities' at-least-once retries. Call <see cref="InitializeAsync"/> once.
/// </summary>
public sealed class ReviewStore
{
    private readonly TableClient _table;
    private readonly TableClient _due;
    private readonly StatisticsStore? _statistics;

    /// <summary>Creates the store; with <paramref name="statistics"/> each household's due review is counted in its due month (应复核).</summary>
    public ReviewStore(TableServiceClient tables, IOptions<ReviewStorageOptions> options, StatisticsStore? statistics = null)
    {
        _statistics = statistics;
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _table = tables.GetTableClient(options.Value.TableName);
        _due = tables.GetTableClient(options.Value.DueTableName);
    }

    /// <summary>Creates the tables if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _due.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The due-index partition of a cadence and month.</summary>
    public static string DuePartition(ReviewFrequency frequency, PayPeriod month) => frequency + "|" + month;

    /// <summary>A household's schedule in a program, or null.</summary>
    public async Task<HouseholdReview?> GetHouseholdAsync(string beneficiaryId, string program, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(HouseholdPartition(beneficiaryId), program, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? ToHousehold(row.Value!) : null;
    }

    /// <summary>A household's schedules in every program it is enrolled in.</summary>
    public async Task<IReadOnlyList<HouseholdReview>> HouseholdAsync(string beneficiaryId, CancellationToken cancellationToken)
    {
        var list = new List<HouseholdReview>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {HouseholdPartition(beneficiaryId)}");
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToHousehold(row));
        }

        return list;
    }

    /// <summary>
    /// Records a household's schedule and keeps the due index in step: the row of its due month is written (while it
    /// is active), then the schedule, then the row of the month it had before is removed. A crash in between leaves at
    /// most a stale due row, which the review it starts finds superseded.
    /// </summary>
    public async Task ScheduleAsync(HouseholdReview household, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        HouseholdReview? before = await GetHouseholdAsync(household.BeneficiaryId, household.Program, cancellationToken).ConfigureAwait(false);
        if (household.Active)
        {
            await _due.UpsertEntityAsync(DueRow(household), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            if (_statistics is not null)
            {
                var month = PayPeriod.Of(household.NextReview);
                await _statistics.RecordAsync(StatisticsEvent.One($"review-due|{household.Program}|{household.BeneficiaryId}|{month}", household.Jurisdiction, household.Program, month,
                    StatisticsMetric.ReviewsDue), cancellationToken).ConfigureAwait(false);
            }
        }

        await _table.UpsertEntityAsync(HouseholdRow(household), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        if (before is not null && before.Active && (!household.Active || DuePartition(before) != DuePartition(household)))
        {
            await _due.DeleteEntityAsync(DuePartition(before), DueRowKey(before.Program, before.BeneficiaryId), ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One page (up to <paramref name="pageSize"/>) of the households due with a cadence in a month.</summary>
    public async Task<DuePage> ReadDueAsync(ReviewFrequency frequency, PayPeriod month, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {DuePartition(frequency, month)}");
        await foreach (Page<TableEntity> page in _due.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken)
                           .AsPages(continuationToken, pageSize).ConfigureAwait(false))
        {
            return new DuePage(page.Values.Select(ToDue).ToArray(), page.ContinuationToken);
        }

        return new DuePage([], null);
    }

    /// <summary>Opens a review; when it exists already (a second sweep, a retried start) the stored one is returned, created false.</summary>
    public async Task<(ReviewRecord Review, bool Created)> OpenAsync(ReviewRecord review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (await GetReviewAsync(review.ReviewId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (existing, false);
        }

        await AddIgnoringConflictAsync(ReviewRow(review), cancellationToken).ConfigureAwait(false);
        await AddIgnoringConflictAsync(new TableEntity(PointerPartition(review.BeneficiaryId), review.ReviewId) { ["Partition"] = WorkListPartition(review) }, cancellationToken).ConfigureAwait(false);
        return (review, true);
    }

    /// <summary>A review by its id, or null.</summary>
    public async Task<ReviewRecord?> GetReviewAsync(string reviewId, CancellationToken cancellationToken)
    {
        if (!ReviewRecord.TryParseBeneficiary(reviewId, out string beneficiary)) return null;
        var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(PointerPartition(beneficiary), reviewId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!pointer.HasValue) return null;
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(pointer.Value!.GetString("Partition"), reviewId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? ToReview(row.Value!) : null;
    }

    /// <summary>Stores a review's new state (escalated, decided, superseded); a decided review is counted once in its decision month (已复核).</summary>
    public async Task UpdateAsync(ReviewRecord review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        await _table.UpsertEntityAsync(ReviewRow(review), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        if (_statistics is not null && review is { State: ReviewState.Decided, DecidedAt: { } decidedAt })
        {
            var month = PayPeriod.Of(Relief.Domain.Calendar.ChinaStandardTime.DateOf(decidedAt));
            await _statistics.RecordAsync(StatisticsEvent.One($"review|{review.ReviewId}|done", review.Jurisdiction, review.Program, month, StatisticsMetric.ReviewsDone),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The reviews of a jurisdiction (its root and every district under it) due in a month, in due-date order.</summary>
    public async IAsyncEnumerable<ReviewRecord> WorkListAsync(string jurisdiction, PayPeriod dueMonth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string partition = WorkListPartition(PayrollShards.Root(jurisdiction), dueMonth);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var list = new List<ReviewRecord>();
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ReviewRecord review = ToReview(row);
            if (review.Jurisdiction == jurisdiction || review.Jurisdiction.StartsWith(jurisdiction + "/", StringComparison.Ordinal))
            {
                list.Add(review);
            }
        }

        foreach (ReviewRecord review in list.OrderBy(r => r.DueDate).ThenBy(r => r.ReviewId, StringComparer.Ordinal))
        {
            yield return review;
        }
    }

    /// <summary>Every review of a household, newest first.</summary>
    public async Task<IReadOnlyList<ReviewRecord>> ReviewsOfAsync(string beneficiaryId, CancellationToken cancellationToken)
    {
        var list = new List<ReviewRecord>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {PointerPartition(beneficiaryId)}");
        await foreach (TableEntity pointer in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(pointer.GetString("Partition"), pointer.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (row.HasValue) list.Add(ToReview(row.Value!));
        }

        return list.OrderByDescending(r => r.OpenedAt).ToArray();
    }

    private async Task AddIgnoringConflictAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Written by an earlier attempt.
        }
    }

    private static string HouseholdPartition(string beneficiaryId) => "household|" + beneficiaryId;

    private static string PointerPartition(string beneficiaryId) => "review|" + beneficiaryId;

    private static string WorkListPartition(string root, PayPeriod dueMonth) => "worklist|" + root + "|" + dueMonth;

    private static string WorkListPartition(ReviewRecord r) => WorkListPartition(PayrollShards.Root(r.Jurisdiction), PayPeriod.Of(r.DueDate));

    private static string DuePartition(HouseholdReview h) => DuePartition(h.Frequency, PayPeriod.Of(h.NextReview));

    private static string DueRowKey(string program, string beneficiaryId) => program + "|" + beneficiaryId;

    private static TableEntity DueRow(HouseholdReview h) => new(DuePartition(h), DueRowKey(h.Program, h.BeneficiaryId))
    {
        ["BeneficiaryId"] = h.BeneficiaryId,
        ["Program"] = h.Program,
        ["Jurisdiction"] = h.Jurisdiction,
        ["CaseId"] = h.CaseId,
        ["Frequency"] = h.Frequency.ToString(),
        ["DueDate"] = Date(h.NextReview),
    };

    private static DueHousehold ToDue(TableEntity row) => new(
        row.GetString("BeneficiaryId"), row.GetString("Program"), row.GetString("Jurisdiction"), row.GetString("CaseId"),
        Enum.Parse<ReviewFrequency>(row.GetString("Frequency")), ParseDate(row.GetString("DueDate")));

    private static TableEntity HouseholdRow(HouseholdReview h) => new(HouseholdPartition(h.BeneficiaryId), h.Program)
    {
        ["BeneficiaryId"] = h.BeneficiaryId,
        ["Program"] = h.Program,
        ["Jurisdiction"] = h.Jurisdiction,
        ["CaseId"] = h.CaseId,
        ["Frequency"] = h.Frequency.ToString(),
        ["NextReview"] = Date(h.NextReview),
        ["Active"] = h.Active,
        ["FactsFrom"] = h.FactsFrom,
        ["Warnings"] = JsonSerializer.Serialize(h.Warnings, StorageJson.Options),
    };

    private static HouseholdReview ToHousehold(TableEntity row) => new(
        row.GetString("BeneficiaryId"), row.GetString("Program"), row.GetString("Jurisdiction"), row.GetString("CaseId"),
        Enum.Parse<ReviewFrequency>(row.GetString("Frequency")), ParseDate(row.GetString("NextReview")),
        JsonSerializer.Deserialize<string[]>(row.GetString("Warnings") ?? "[]", StorageJson.Options) ?? [])
    {
        Active = row.GetBoolean("Active") ?? true,
        FactsFrom = row.GetString("FactsFrom"),
    };

    private static TableEntity ReviewRow(ReviewRecord r) => new(WorkListPartition(r), r.ReviewId)
    {
        ["BeneficiaryId"] = r.BeneficiaryId,
        ["Program"] = r.Program,
        ["Jurisdiction"] = r.Jurisdiction,
        ["CaseId"] = r.CaseId,
        ["Reason"] = r.Reason.ToString(),
        ["DueDate"] = Date(r.DueDate),
        ["State"] = r.State.ToString(),
        ["OpenedAt"] = r.OpenedAt,
        ["Outcome"] = r.Outcome?.ToString(),
        ["DecisionReason"] = r.DecisionReason,
        ["Rule"] = r.Rule,
        ["DecidedAt"] = r.DecidedAt,
    };

    private static ReviewRecord ToReview(TableEntity row) => new(
        row.RowKey, row.GetString("BeneficiaryId"), row.GetString("Program"), row.GetString("Jurisdiction"), row.GetString("CaseId"),
        Enum.Parse<ReviewReason>(row.GetString("Reason")), ParseDate(row.GetString("DueDate")), Enum.Parse<ReviewState>(row.GetString("State")),
        row.GetDateTimeOffset("OpenedAt") ?? DateTimeOffset.MinValue)
    {
        Outcome = row.GetString("Outcome") is { } outcome ? Enum.Parse<ReviewOutcome>(outcome) : null,
        DecisionReason = row.GetString("DecisionReason"),
        Rule = row.GetString("Rule"),
        DecidedAt = row.GetDateTimeOffset("DecidedAt"),
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
