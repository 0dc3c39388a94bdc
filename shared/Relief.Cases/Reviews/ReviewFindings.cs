using Relief.Cases.Payments;

namespace Relief.Cases.Reviews;

/// <summary>
/// What the review found besides the re-assessment (核查认定): the facts the policy engine does not derive from the
/// household's figures. Free of personal data.
/// </summary>
public sealed record ReviewFindings
{
    /// <summary>The income rose above the standard because a member found work (就业): a gradual exit, not a termination.</summary>
    public bool MemberFoundWork { get; init; }

    /// <summary>When the income rose (the gradual exit counts from its month); the decision date when not given.</summary>
    public DateOnly? IncomeRoseOn { get; init; }

    /// <summary>A major change the household did not report, and since when (未按规定报告): more than 3 months → a warning.</summary>
    public DateOnly? UnreportedChangeSince { get; init; }

    /// <summary>Benefits obtained by fraud (骗取) since this month: termination and a recovery claim.</summary>
    public PayPeriod? FraudSince { get; init; }

    /// <summary>The caseworker's written findings (required: every outcome carries its written reason).</summary>
    public string Note { get; init; } = string.Empty;
}
