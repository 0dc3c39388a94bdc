using Relief.Domain.Calendar;

namespace Relief.Cases.Deadlines;

/// <summary>
/// One deadline of a case (办理时限): what it limits, the last day, the instant it passes, and the rule.
/// <see cref="ExpiresAt"/> is in China Standard Time (+08:00): the end of <see cref="DueDate"/> (midnight
/// starting the next day) for day limits, the exact instant for hour limits.
/// </summary>
/// <param name="Kind">The limit.</param>
/// <param name="DueDate">The last China date on which the step may be done.</param>
/// <param name="ExpiresAt">The instant the deadline passes (a durable timer fires here).</param>
/// <param name="Basis">The rule applied, e.g. <c>3 working days from acceptance (policy)</c>.</param>
/// <param name="Reference">For several deadlines of one kind (transfers): which one, e.g. the transfer id.</param>
/// <param name="Provisional">True when counted over a year whose official schedule was not loaded (a provisional calendar year): it is recomputed when that schedule is loaded.</param>
public sealed record CaseDeadline(CaseDeadlineKind Kind, DateOnly DueDate, DateTimeOffset ExpiresAt, string Basis, string? Reference = null, bool Provisional = false)
{
    /// <summary>Wraps a domain <see cref="Deadline"/>.</summary>
    public static CaseDeadline From(CaseDeadlineKind kind, Deadline deadline, string basis, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return new CaseDeadline(kind, deadline.DueDate, deadline.ExpiresAt, basis, reference, deadline.Provisional);
    }

    /// <summary>True when <paramref name="instant"/> is at or after <see cref="ExpiresAt"/>.</summary>
    public bool IsOverdueAt(DateTimeOffset instant) => instant >= ExpiresAt;
}
