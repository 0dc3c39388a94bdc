using Relief.Domain.Decisions;

namespace Relief.Domain.Reviews;

/// <summary>
/// Gradual exit (渐退): the household keeps its benefit through <see cref="LastPaidMonth"/>;
/// <see cref="MonthsLeft"/> counts the months still paid after the month of the as-of date.
/// </summary>
public sealed record GradualExitDecision : DecisionResult
{
    /// <summary>First day of the last month the benefit is paid.</summary>
    public DateOnly LastPaidMonth { get; init; }

    /// <summary>Months still paid after the current month (0 in the last month and after).</summary>
    public int MonthsLeft { get; init; }
}
