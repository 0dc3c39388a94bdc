namespace Relief.Domain.Calendar;

/// <summary>
/// China's working-day calendar (工作日): Monday–Friday, minus public holidays, plus the worked
/// weekend days, for the years loaded. A date outside those years raises
/// <see cref="DateOutsideCalendarException"/>, unless the calendar was made with provisional years, in which
/// case a year from <see cref="ProvisionalCalendarYear"/> stands in and <see cref="IsProvisional"/> says so.
/// Pure: years are passed in.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly object _loading = new();
    private volatile Dictionary<int, CalendarYear> _years;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, CalendarYear>? _provisional;

    /// <summary>Creates a calendar from official yearly schedules (one per year).</summary>
    /// <param name="years">The official schedules.</param>
    /// <param name="provisionalForMissingYears">When true, a year without a schedule is computed provisionally
    /// from the statutory holiday rules instead of raising <see cref="DateOutsideCalendarException"/>.</param>
    public WorkingDayCalendar(IEnumerable<CalendarYear> years, bool provisionalForMissingYears = false)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (provisionalForMissingYears) _provisional = new();
        var loaded = new Dictionary<int, CalendarYear>();
        _years = loaded;
        foreach (CalendarYear year in years)
        {
            if (!loaded.TryAdd(year.Year, year))
            {
                throw new ArgumentException($"The schedule for {year.Year} is given twice.", nameof(years));
            }
        }
    }

    /// <summary>The years with an official schedule.</summary>
    public IReadOnlyCollection<int> KnownYears => _years.Keys.Order().ToArray();

    /// <summary>The official schedule loaded for <paramref name="year"/>, or null when that year has none (a
    /// provisional stand-in is not returned).</summary>
    public CalendarYear? OfficialYear(int year) => _years.TryGetValue(year, out var loaded) ? loaded : null;

    /// <summary>
    /// Loads an official year while the calendar is in use (a State Council schedule published after start): from
    /// then on it replaces the provisional stand-in for that year. A year already loaded is not replaced (an
    /// official schedule does not change; a corrected one needs a release). Returns true when the year was added.
    /// </summary>
    public bool TryLoad(CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        if (year.Provisional) throw new ArgumentException("Only an official schedule can be loaded.", nameof(year));
        lock (_loading)
        {
            if (_years.ContainsKey(year.Year)) return false;
            _years = new Dictionary<int, CalendarYear>(_years) { [year.Year] = year };
            _provisional?.TryRemove(year.Year, out _);
            return true;
        }
    }

    /// <summary>True when <paramref name="date"/> falls in a year that has no official schedule and is computed provisionally.</summary>
    public bool IsProvisional(DateOnly date) => YearOf(date).Provisional;

    /// <summary>True when any day after <paramref name="from"/> up to and including <paramref name="to"/> (or
    /// <paramref name="from"/> itself) falls in a provisional year.</summary>
    public bool IsProvisionalBetween(DateOnly from, DateOnly to)
    {
        var (first, last) = from <= to ? (from, to) : (to, from);
        for (var y = first.Year; y <= last.Year; y++)
        {
            if (YearOf(new DateOnly(y, 1, 1)).Provisional) return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="date"/> is a working day.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        CalendarYear year = YearOf(date);

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

    private CalendarYear YearOf(DateOnly date)
    {
        if (_years.TryGetValue(date.Year, out CalendarYear? year)) return year;
        if (_provisional is null) throw new DateOutsideCalendarException(date, KnownYears);
        try
        {
            return _provisional.GetOrAdd(date.Year, ProvisionalCalendarYear.Build);
        }
        catch (DateOutsideCalendarException)
        {
            throw new DateOutsideCalendarException(date, KnownYears);
        }
    }
}
