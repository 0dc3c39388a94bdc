using Relief.Cases.Intake;
using Relief.Domain.Validation;

namespace Relief.Functions.Reviews;

/// <summary>The body of <c>POST /api/reviews/{reviewId}/findings</c> (核查结论). Free of personal data except in <see cref="Household"/>.</summary>
public sealed record ReviewFindingsRequest
{
    /// <summary>Refused when present: who records them comes from the token.</summary>
    public string? Actor { get; init; }

    /// <summary>The written findings (required, 1–2000 characters): every outcome carries its written reason.</summary>
    public string? Note { get; init; }

    /// <summary>The household as found — any of <c>members</c>, <c>incomes</c>, <c>property</c>, <c>expenditures</c>,
    /// <c>registration</c>, <c>tekun</c>, in the application's shape; parts left out stay as they were. Null: unchanged.</summary>
    public ApplicationRequest? Household { get; init; }

    /// <summary>Income rose above the standard because a member found work (gradual exit rather than termination).</summary>
    public bool MemberFoundWork { get; init; }

    /// <summary>When the income rose (<c>yyyy-MM-dd</c>); the decision date when left out.</summary>
    public DateOnly? IncomeRoseOn { get; init; }

    /// <summary>A major change the household did not report, since when (<c>yyyy-MM-dd</c>).</summary>
    public DateOnly? UnreportedChangeSince { get; init; }

    /// <summary>Benefits obtained by fraud since this month (<c>yyyy-MM</c>): termination and a recovery claim.</summary>
    public string? FraudSince { get; init; }
}

/// <summary>The body of <c>POST /api/households/{householdId}/changes</c> (主动申报): a change the household reports.</summary>
public sealed record HouseholdChangeRequest
{
    /// <summary>Refused when present: who records it comes from the token.</summary>
    public string? Actor { get; init; }

    /// <summary>What changed: <c>income</c>, <c>members</c>, <c>property</c>, <c>work</c>, <c>death</c> or <c>other</c> (required).</summary>
    public string? Kind { get; init; }

    /// <summary>When it happened (<c>yyyy-MM-dd</c>, required, not in the future).</summary>
    public DateOnly? OccurredOn { get; init; }

    /// <summary>What was reported, in words (required, 1–2000 characters; no ID numbers).</summary>
    public string? Note { get; init; }

    /// <summary>The program whose review it starts, when the household is enrolled in more than one.</summary>
    public string? Program { get; init; }
}

/// <summary>The checks every review request shares: who acts, and the text in words.</summary>
internal static class ReviewRequestChecks
{
    /// <summary>Longest note accepted.</summary>
    public const int MaxText = 2000;

    /// <summary>Adds an error for an <c>actor</c> field (the actor is the signed-in caller) and a missing, too long or
    /// unprintable <c>note</c> (<paramref name="noteMeaning"/> says what the note is).</summary>
    public static void ActorAndNote(List<ValidationError> errors, string? actor, string? note, string noteMeaning)
    {
        if (actor is not null)
        {
            errors.Add(Identity.ActorField.Refused);
        }

        if (string.IsNullOrWhiteSpace(note) || note.Length > MaxText)
        {
            errors.Add(new ValidationError("note", $"note: {noteMeaning}, 1–{MaxText} characters."));
        }
        else if (Http.FreeText.Problem("note", note, MaxText) is { } problem)
        {
            errors.Add(new ValidationError("note", problem));
        }
    }
}
