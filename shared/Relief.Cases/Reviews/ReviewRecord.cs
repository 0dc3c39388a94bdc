using System.Globalization;
using Relief.Cases.Payments;

namespace Relief.Cases.Reviews;

/// <summary>Where a review stands.</summary>
public enum ReviewState
{
    /// <summary>Opened; re-verification and the caseworker's findings awaited.</summary>
    Open,

    /// <summary>The findings limit passed and it was escalated (督办); still awaited.</summary>
    Escalated,

    /// <summary>Decided; the register follows.</summary>
    Decided,

    /// <summary>Not needed: the household's schedule moved or it left the program before the review began.</summary>
    Superseded,
}

/// <summary>One review of a household (核查), as the work list shows it.</summary>
/// <param name="ReviewId">Its id (also the orchestration instance id).</param>
/// <param name="BeneficiaryId">The household.</param>
/// <param name="Program">The program.</param>
/// <param name="Jurisdiction">The paying office.</param>
/// <param name="CaseId">The enrolling case.</param>
/// <param name="Reason">Why it was started.</param>
/// <param name="DueDate">When the findings are due.</param>
/// <param name="State">Where it stands.</param>
/// <param name="OpenedAt">When it was opened.</param>
public sealed record ReviewRecord(
    string ReviewId,
    string BeneficiaryId,
    string Program,
    string Jurisdiction,
    string CaseId,
    ReviewReason Reason,
    DateOnly DueDate,
    ReviewState State,
    DateTimeOffset OpenedAt)
{
    /// <summary>The outcome, once decided.</summary>
    public ReviewOutcome? Outcome { get; init; }

    /// <summary>The written reason of the decision.</summary>
    public string? DecisionReason { get; init; }

    /// <summary>The rule applied.</summary>
    public string? Rule { get; init; }

    /// <summary>When decided.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>
    /// The id of a review: <c>rv_{beneficiaryId}_{program}_{yyyy-MM}</c> for the scheduled review of a month (a second
    /// sweep of the month finds the same id), <c>rv_{beneficiaryId}_{program}_{reason}-{yyyyMMdd}</c> for one started by
    /// a change (the same report posted twice finds the same id). It has the form of a case id (letters, digits, '-', '_'):
    /// the agencies' re-verification messages carry it where a case's carry the case id.
    /// </summary>
    public static string IdOf(string program, string beneficiaryId, ReviewReason reason, DateOnly date) => reason == ReviewReason.Scheduled
        ? string.Create(CultureInfo.InvariantCulture, $"rv_{beneficiaryId}_{program}_{PayPeriod.Of(date)}")
        : string.Create(CultureInfo.InvariantCulture, $"rv_{beneficiaryId}_{program}_{reason.ToCode()}-{date:yyyyMMdd}");

    /// <summary>The household named in a review id; false when the text is not a review id.</summary>
    public static bool TryParseBeneficiary(string? reviewId, out string beneficiaryId)
    {
        beneficiaryId = string.Empty;
        string[] parts = reviewId?.Split('_') ?? [];
        if (parts.Length != 4 || parts[0] != "rv" || parts.Any(p => p.Length is 0 or > 64 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            return false;
        }

        beneficiaryId = parts[1];
        return true;
    }
}
