using Relief.Domain.Households;

namespace Relief.Cases.Feeds;

/// <summary>
/// A validated agency record, whatever its feed: who (the resident ID, never logged), what happened and when, and the
/// feed's own details. Built only by <see cref="FeedValidator"/>.
/// </summary>
/// <param name="Kind">The feed.</param>
/// <param name="RecordId">The agency's record id (with the feed, the idempotency key).</param>
/// <param name="Person">The person the record is about.</param>
/// <param name="OccurredOn">The date of the event (death, registration, move, custody start, job start; the self-pay's date).</param>
public sealed record FeedRecord(FeedKind Kind, string RecordId, ResidentIdNumber Person, DateOnly OccurredOn)
{
    /// <summary>Where the person lives (a lead's township) or, for a hukou move, where he moved from.</summary>
    public JurisdictionCode? Jurisdiction { get; init; }

    /// <summary>A hukou move's new jurisdiction.</summary>
    public JurisdictionCode? ToJurisdiction { get; init; }

    /// <summary>The source of a death notice, a disability's type, a custody's kind.</summary>
    public string? Detail { get; init; }

    /// <summary>A disability's grade (1 most severe).</summary>
    public int? Grade { get; init; }

    /// <summary>Yuan: the year's medical self-pay, or a job's monthly wage.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The year of a medical self-pay.</summary>
    public int? Year { get; init; }

    /// <summary>The expected end of a custody.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>The minor children of a person taken into custody.</summary>
    public IReadOnlyList<ResidentIdNumber> Children { get; init; } = [];

    /// <summary>The key of the record in its feed: <c>{feed}|{recordId}</c>.</summary>
    public string Key => Kind.ToCode() + "|" + RecordId;

    /// <summary>A line for the audit trail and the lead, without personal data.</summary>
    public string Describe() => Kind switch
    {
        FeedKind.Death => $"death on {OccurredOn:yyyy-MM-dd} reported by {Detail} (record {RecordId})",
        FeedKind.Disability => $"disability registered on {OccurredOn:yyyy-MM-dd}: {Detail}, grade {Grade} (record {RecordId})",
        FeedKind.MedicalSelfPay => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"medical self-pay of {Amount:0.00} yuan in {Year} (record {RecordId})"),
        FeedKind.HukouMove => $"hukou moved on {OccurredOn:yyyy-MM-dd} from {Jurisdiction} to {ToJurisdiction} (record {RecordId})",
        FeedKind.Custody => $"{Detail} from {OccurredOn:yyyy-MM-dd}{(Until is { } until ? $" until {until:yyyy-MM-dd}" : string.Empty)} (record {RecordId})",
        FeedKind.JobPlacement => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"job placement from {OccurredOn:yyyy-MM-dd}{(Amount is { } wage ? $", {wage:0.00} yuan a month" : string.Empty)} (record {RecordId})"),
        _ => RecordId,
    };
}
