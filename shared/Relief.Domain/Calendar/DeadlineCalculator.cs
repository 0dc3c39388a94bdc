namespace Relief.Domain.Calendar;

/// <summary>
/// Deadlines in China Standard Time: working-day limits (investigation, county decision, overall),
/// calendar-day limits (public notice) and hour limits (24-hour advance relief).
/// The day of the starting event is not counted.
/// </summary>
public sealed class DeadlineCalculator
{
    private readonly WorkingDayCalendar _calendar;

    /// <summary>Creates the calculator over a working-day calendar.</summary>
    public DeadlineCalculator(WorkingDayCalendar calendar) => _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));

    /// <summary><paramref name="workingDays"/> working days after the China date of <paramref name="start"/>, expiring at the end of that day.</summary>
    public Deadline WorkingDays(DateTimeOffset start, int workingDays)
    {
        DateOnly from = ChinaStandardTime.DateOf(start);
        DateOnly due = _calendar.AddWorkingDays(from, workingDays);
        return new Deadline(due, ChinaStandardTime.EndOf(due), _calendar.IsProvisionalBetween(from, due));
    }

    /// <summary><paramref name="days"/> calendar days after the China date of <paramref name="start"/>, expiring at the end of that day.</summary>
    public static Deadline CalendarDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        DateOnly due = ChinaStandardTime.DateOf(start).AddDays(days);
        return new Deadline(due, ChinaStandardTime.EndOf(due));
    }

    /// <summary>
    /// A rehearsal deadline (<see cref="Policies.ProcedureLimits.RehearsalSecondsPerDay"/>): <paramref name="days"/> days
    /// of <paramref name="secondsPerDay"/> seconds each after <paramref name="start"/>, exact to the instant.
    /// </summary>
    public static Deadline Rehearsal(DateTimeOffset start, int days, int secondsPerDay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfLessThan(secondsPerDay, 1);
        DateTimeOffset expires = ChinaStandardTime.ToChinaTime(start.AddSeconds((double)days * secondsPerDay));
        return new Deadline(DateOnly.FromDateTime(expires.DateTime), expires);
    }

    /// <summary>Exactly <paramref name="hours"/> hours after <paramref name="start"/> (e.g. 24-hour advance relief), in China Standard Time.</summary>
    public static Deadline Hours(DateTimeOffset start, int hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        DateTimeOffset expires = ChinaStandardTime.ToChinaTime(start.AddHours(hours));
        return new Deadline(DateOnly.FromDateTime(expires.DateTime), expires);
    }
}
