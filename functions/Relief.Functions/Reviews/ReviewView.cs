using Relief.Cases.Reviews;
using Relief.Domain.Calendar;

namespace Relief.Functions.Reviews;

/// <summary>A review as the work list and <c>GET /api/reviews/{id}</c> show it.</summary>
public sealed record ReviewView(
    string ReviewId,
    string HouseholdId,
    string Program,
    string Jurisdiction,
    string CaseId,
    string Reason,
    DateOnly DueDate,
    string State,
    bool Overdue,
    DateTimeOffset OpenedAt,
    string? Outcome,
    string? DecisionReason,
    string? Rule,
    DateTimeOffset? DecidedAt)
{
    /// <summary>The orchestration's summary once decided (amount from which month, recovery, next review).</summary>
    public ReviewSummary? Summary { get; init; }

    /// <summary>The orchestration's runtime status.</summary>
    public string? RuntimeStatus { get; init; }

    /// <summary>404 for an unknown review.</summary>
    public static Microsoft.AspNetCore.Http.IResult NotFound(string reviewId) =>
        Microsoft.AspNetCore.Http.TypedResults.Problem(title: "Review not found", detail: $"There is no review '{reviewId}'.", statusCode: Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound);

    /// <summary>The view of a review at <paramref name="now"/>: overdue once its due date has passed undecided.</summary>
    public static ReviewView From(ReviewRecord r, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(r);
        bool overdue = r.State is ReviewState.Open or ReviewState.Escalated && ChinaStandardTime.DateOf(now) > r.DueDate;
        return new ReviewView(r.ReviewId, r.BeneficiaryId, r.Program, r.Jurisdiction, r.CaseId, r.Reason.ToCode(), r.DueDate, r.State.ToString(), overdue,
            r.OpenedAt, r.Outcome?.ToString(), r.DecisionReason, r.Rule, r.DecidedAt);
    }
}
