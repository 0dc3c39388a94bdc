namespace Relief.Domain.Calendar;

/// <summary>
/// A working-day computation reached a date whose year has no official schedule loaded. The
/// calendar never guesses: load the year's schedule.
/// </summary>
public sealed class DateOutsideCalendarException : ArgumentOutOfRangeException
{
    public DateOutsideCalendarException()
    {
    }

    public DateOutsideCalendarException(string message)
        : base(message)
    {
    }

    public DateOutsideCalendarException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a date and the years known.</summary>
    public DateOutsideCalendarException(DateOnly date, IEnumerable<int> knownYears)
        : base(nameof(date), $"No official working-day schedule is loaded for {date:yyyy-MM-dd}; known years: {string.Join(", ", knownYears)}.")
    {
        Date = date;
    }

    /// <summary>The date outside the known years.</summary>
    public DateOnly Date { get; }
}
