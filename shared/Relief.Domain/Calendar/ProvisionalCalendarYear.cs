using System.Globalization;

namespace Relief.Domain.Calendar;

/// <summary>
/// A provisional working-day year (临时工作日历) for a year whose State Council schedule is not published yet:
/// weekends plus the statutory public holidays of the national rules in force from 2025-01-01 (全国年节及纪念日
/// 放假办法, as amended by 国务院令第798号): New Year's Day 1 day; Spring Festival 4 days (Chinese New Year's Eve
/// and days 1–3 of the first lunar month); Qingming 1; Labour Day 2 (1–2 May); Dragon Boat 1 (5th day of the 5th
/// lunar month); Mid-Autumn 1 (15th day of the 8th lunar month); National Day 3 (1–3 October). Lunar dates come
/// from <see cref="ChineseLunisolarCalendar"/>, Qingming from the solar-term rule for 2001–2099. The swapped
/// working weekends (调休) cannot be foreseen and are left out, so the year is marked provisional: deadlines
/// computed on it must be recomputed when the official schedule is loaded.
/// </summary>
public static class ProvisionalCalendarYear
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The first year these rules apply to (the amended holiday rules are in force from 2025-01-01).</summary>
    public const int FirstYear = 2025;

    /// <summary>The last year the Qingming approximation holds for.</summary>
    public const int LastYear = 2099;

    /// <summary>Builds the provisional year; outside <see cref="FirstYear"/>–<see cref="LastYear"/> it throws
    /// <see cref="DateOutsideCalendarException"/> (no rule is known there).</summary>
    public static CalendarYear Build(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new DateOutsideCalendarException(new DateOnly(Math.Clamp(year, 1, 9999), 1, 1), []);
        }

        var newYear = LunarDate(year, 1, 1);
        var holidays = new HashSet<DateOnly>
        {
            new(year, 1, 1),
            newYear.AddDays(-1), newYear, newYear.AddDays(1), newYear.AddDays(2),
            Qingming(year),
            new(year, 5, 1), new(year, 5, 2),
            LunarDate(year, 5, 5),
            LunarDate(year, 8, 15),
            new(year, 10, 1), new(year, 10, 2), new(year, 10, 3),
        };

        // Chinese New Year falls between 21 January and 20 February, so its eve is always in the same year.

        return new CalendarYear(year, holidays, new HashSet<DateOnly>(),
            $"provisional {year}: weekends and the statutory holidays of 国务院令第798号; adjusted working days (调休) not yet known",
            Provisional: true);
    }

    /// <summary>The Gregorian date of day <paramref name="day"/> of lunar month <paramref name="month"/> (not a leap
    /// month) of the lunar year that starts in <paramref name="year"/>.</summary>
    public static DateOnly LunarDate(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>Qingming (清明, solar longitude 15°) for 2001–2099: day = ⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋ of April,
    /// Y the last two digits of the year (the common solar-term approximation).</summary>
    public static DateOnly Qingming(int year)
    {
        var y = year % 100;
        var day = (int)Math.Floor(y * 0.2422 + 4.81) - (y / 4);
        return new DateOnly(year, 4, day);
    }
}
