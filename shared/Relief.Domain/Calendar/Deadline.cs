namespace Relief.Domain.Calendar;

/// <summary>A deadline: the last day (China date) and the instant it expires (办理时限).</summary>
/// <param name="DueDate">The last day on which the step may be done.</param>
/// <param name="ExpiresAt">The instant the deadline passes, in China Standard Time (the end of <see cref="DueDate"/>, or an exact hour).</param>
/// <param name="Provisional">True when it was counted over a year without an official schedule (a provisional
/// calendar): it must be recomputed when that year's schedule is loaded.</param>
public sealed record Deadline(DateOnly DueDate, DateTimeOffset ExpiresAt, bool Provisional = false)
{
    /// <summary>True when <paramref name="instant"/> is after the deadline.</summary>
    public bool IsOverdueAt(DateTimeOffset instant) => instant >= ExpiresAt;
}
