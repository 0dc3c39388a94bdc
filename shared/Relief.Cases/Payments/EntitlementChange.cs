namespace Relief.Cases.Payments;

/// <summary>What a change to an entitlement does (待遇变更).</summary>
public enum EntitlementChangeKind
{
    /// <summary>Enrolled on approval (纳入): paid <see cref="EntitlementChange.MonthlyAmount"/> from <see cref="EntitlementChange.From"/>.</summary>
    Enrolled,

    /// <summary>A new monthly amount from <see cref="EntitlementChange.From"/> (调整, e.g. after a review).</summary>
    Adjusted,

    /// <summary>Gradual exit (渐退): the amount in force is paid until <see cref="EntitlementChange.Until"/>, then nothing.</summary>
    GradualExit,

    /// <summary>Payments stop from <see cref="EntitlementChange.From"/> until resumed (暂停).</summary>
    Suspended,

    /// <summary>Payments resume from <see cref="EntitlementChange.From"/> (恢复).</summary>
    Resumed,

    /// <summary>Payments stop for good from <see cref="EntitlementChange.From"/> (终止).</summary>
    Terminated,
}

/// <summary>
/// One change to an entitlement, effective from a month. Changes are only ever appended: the history of what a
/// household was due, and why, is never overwritten.
/// </summary>
/// <param name="Kind">What the change does.</param>
/// <param name="From">First month it applies to.</param>
/// <param name="MonthlyAmount">Yuan to the fen, for <see cref="EntitlementChangeKind.Enrolled"/> and <see cref="EntitlementChangeKind.Adjusted"/>.</param>
/// <param name="Until">Last month paid, for <see cref="EntitlementChangeKind.GradualExit"/>.</param>
/// <param name="Reason">Why, in words (a decision, a review, a notice); no personal data.</param>
/// <param name="Reference">The case or review that decided it.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record EntitlementChange(
    EntitlementChangeKind Kind,
    PayPeriod From,
    decimal? MonthlyAmount,
    PayPeriod? Until,
    string Reason,
    string Reference,
    DateTimeOffset RecordedAt);
