using Relief.Cases.Deadlines;
using Relief.Cases.Intake;
using Relief.Cases.Reviews;
using Relief.Domain.Reviews;

namespace Relief.Functions.Reviews;

/// <summary>The input of a review orchestration (one per household, program and review period).</summary>
/// <param name="ReviewId">The review id, also the instance id (<see cref="ReviewRecord.IdOf"/>).</param>
/// <param name="BeneficiaryId">The household.</param>
/// <param name="Program">The program.</param>
/// <param name="Jurisdiction">The paying office.</param>
/// <param name="CaseId">The enrolling case (its audit trail records the review).</param>
/// <param name="Reason">Why the review was started.</param>
/// <param name="DueDate">The review's due date: the schedule's date, the report's date, or 3 months after a death.</param>
/// <param name="Note">What was reported, for a review started by a change (no personal data).</param>
public sealed record ReviewInput(string ReviewId, string BeneficiaryId, string Program, string Jurisdiction, string CaseId, ReviewReason Reason, DateOnly DueDate, string? Note = null);

/// <summary>The input of <see cref="Activities.OpenReview"/>.</summary>
/// <param name="Review">The review.</param>
/// <param name="At">When (orchestration time).</param>
public sealed record OpenReviewRequest(ReviewInput Review, DateTimeOffset At);

/// <summary>What opening a review found.</summary>
/// <param name="Superseded">True when the review is not needed (the schedule moved, the household left); the orchestration ends.</param>
/// <param name="Findings">The findings deadline, watched and escalated when it passes.</param>
/// <param name="Agencies">The agencies asked to re-verify (codes).</param>
public sealed record ReviewOpened(bool Superseded, CaseDeadline? Findings, IReadOnlyList<string> Agencies);

/// <summary>The event the caseworker's findings arrive as (<see cref="ReviewOrchestrator.FindingsEvent"/>); validated when received.</summary>
/// <param name="Actor">Who recorded them (operator id and role).</param>
/// <param name="Note">The written findings.</param>
/// <param name="MemberFoundWork">Income rose because a member found work.</param>
/// <param name="IncomeRoseOn">When the income rose.</param>
/// <param name="UnreportedChangeSince">A major change not reported, since when.</param>
/// <param name="FraudSince">Fraud since this month (<c>yyyy-MM</c>).</param>
/// <param name="Household">The household as found (members, incomes, property…), or null when unchanged.</param>
public sealed record ReviewFindingsEvent(string Actor, string Note, bool MemberFoundWork, DateOnly? IncomeRoseOn, DateOnly? UnreportedChangeSince, string? FraudSince, ApplicationRequest? Household)
{
    /// <summary>As the review rules take them.</summary>
    public ReviewFindings ToFindings() => new()
    {
        Note = Note,
        MemberFoundWork = MemberFoundWork,
        IncomeRoseOn = IncomeRoseOn,
        UnreportedChangeSince = UnreportedChangeSince,
        FraudSince = FraudSince is null ? null : Relief.Cases.Payments.PayPeriod.Parse(FraudSince),
    };
}

/// <summary>The input of <see cref="Activities.DecideReview"/>.</summary>
/// <param name="Review">The review.</param>
/// <param name="Findings">The findings.</param>
/// <param name="At">When (orchestration time).</param>
public sealed record DecideReviewRequest(ReviewInput Review, ReviewFindingsEvent Findings, DateTimeOffset At);

/// <summary>The input of <see cref="Activities.EscalateReview"/>.</summary>
/// <param name="Review">The review.</param>
/// <param name="Deadline">The findings deadline that passed.</param>
/// <param name="At">When (orchestration time).</param>
public sealed record EscalateReviewRequest(ReviewInput Review, CaseDeadline Deadline, DateTimeOffset At);

/// <summary>What a review decided (the orchestration's output).</summary>
/// <param name="Outcome">The outcome; null when the review was superseded.</param>
/// <param name="Reason">The written reason.</param>
/// <param name="Rule">The rule applied.</param>
/// <param name="MonthlyAmount">The monthly amount from <paramref name="From"/> (0 once payments stop).</param>
/// <param name="From">The first month the change applies to (<c>yyyy-MM</c>), or null when nothing changes.</param>
/// <param name="Recovered">Yuan claimed back, for fraud.</param>
/// <param name="NextReview">The next review date, while the household stays.</param>
public sealed record ReviewSummary(ReviewOutcome? Outcome, string Reason, string? Rule, decimal MonthlyAmount, string? From, decimal Recovered, DateOnly? NextReview);

/// <summary>The input of a sweep: the households of a cadence due in a month.</summary>
/// <param name="Frequency">Yearly or half-yearly.</param>
/// <param name="Month">The due month, <c>yyyy-MM</c>.</param>
/// <param name="ContinuationToken">Where the sweep goes on (after a continue-as-new).</param>
/// <param name="Started">Reviews started so far.</param>
/// <param name="Existing">Households whose review already existed.</param>
public sealed record ReviewSweepInput(ReviewFrequency Frequency, string Month, string? ContinuationToken = null, int Started = 0, int Existing = 0);

/// <summary>What one page of a sweep did.</summary>
/// <param name="Started">Reviews started.</param>
/// <param name="Existing">Reviews that already existed (a second sweep).</param>
/// <param name="ContinuationToken">The next page, or null at the end.</param>
public sealed record ReviewSweepPage(int Started, int Existing, string? ContinuationToken);
