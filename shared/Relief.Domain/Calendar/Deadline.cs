namespace Relief.Domain.Calendar;

/// <summary>A deadline: the last day (China date) and the instant it expires (办理时限).</summary>
/// <param name="DueDate">The last day on which the step may be done.</param>
/// <param name="ExpiresAt">The instant the deadline passes, in China Standard Time (the end of <see cref="DueDate"/>, or an exact hour).</param>
public sealed record Deadline(DateOnly DueDate, DateTimeOffset ExpiresAt)
{
    /// <summary>True when <paramref name="instant"/> is after the deadline.</summary>
    public bool IsOverdueAt(DateTimeOffset instant) => instant >= ExpiresAt;
}
