namespace Relief.Domain.Calendar;

/// <summary>
/// China's working-day calendar (工作日): Monday–Friday, minus public holidays, plus the worked
/// weekend days, for the years loaded. Any date outside those years raises
/// <see cref="DateOutsideCalendarException"/>. Pure: years are passed in.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<int, CalendarYear> _years;

    /// <summary>Creates a calendar from official yearly schedules (one per year).</summary>
    public WorkingDayCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        _years = new Dictionary<int, CalendarYear>();
        foreach (CalendarYear year in years)
        {
            if (!_years.TryAdd(year.Year, year))
            {
                throw new ArgumentException($"The schedule for {year.Year} is given twice.", nameof(years));
            }
        }
    }

    /// <summary>The years with an official schedule.</summary>
    public IReadOnlyCollection<int> KnownYears => _years.Keys.Order().ToArray();

    /// <summary>True when <paramref name="date"/> is a working day.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (!_years.TryGetValue(date.Year, out CalendarYear? year))
        {
            throw new DateOutsideCalendarException(date, KnownYears);
        }

        if (year.WorkedWeekendDays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !year.Holidays.Contains(date);
    }

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/>; the start
    /// day itself is not counted (期间开始的当日不计入). Zero returns the start.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        _ = IsWorkingDay(start);
        DateOnly date = start;
        int counted = 0;
        while (counted < workingDays)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// negative when <paramref name="to"/> is earlier. <c>AddWorkingDays(a, n)</c> = b implies
    /// <c>WorkingDaysBetween(a, b)</c> = n.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        _ = IsWorkingDay(from);
        int count = 0;
        for (DateOnly d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }
}
