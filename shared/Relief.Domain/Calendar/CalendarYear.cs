namespace Relief.Domain.Calendar;

/// <summary>
/// One year of the official working-day schedule (国务院办公厅节假日安排): the public-holiday days
/// off and the weekend days that are worked (调休上班).
/// </summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Holidays">Weekdays or weekend days off for public holidays (放假).</param>
/// <param name="WorkedWeekendDays">Saturdays or Sundays that are working days (调休上班).</param>
/// <param name="Source">Where the schedule comes from.</param>
/// <param name="Provisional">True for a year built from the statutory holiday rules because its official schedule
/// is not loaded (<see cref="ProvisionalCalendarYear"/>); deadlines on it are provisional.</param>
public sealed record CalendarYear(int Year, IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> WorkedWeekendDays, string Source, bool Provisional = false)
{
    /// <summary>True when <paramref name="other"/> is the same year with the same days off and the same worked weekend
    /// days — the same schedule for counting working days, whatever its source text or the order of its entries.</summary>
    public bool SameDaysAs(CalendarYear other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Year == other.Year && Holidays.SetEquals(other.Holidays) && WorkedWeekendDays.SetEquals(other.WorkedWeekendDays);
    }
}
