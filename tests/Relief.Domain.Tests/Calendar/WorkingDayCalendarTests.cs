using Relief.Domain.Calendar;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private readonly WorkingDayCalendar _calendar = ShippedData.Calendar;

    [Fact]
    public void AddWorkingDays_TwentyFrom2026September21_LandsOnOctober26()
    {
        // Counted from the day after: 9/22–9/24 (3); 9/25–27 Mid-Autumn off; 9/28–9/30 (6); 10/1–7 National Day off;
        // 10/8, 10/9 (8); Saturday 10/10 worked (9); 10/12–10/16 (14); 10/19–10/23 (19); Monday 10/26 (20).
        DateOnly due = _calendar.AddWorkingDays(new DateOnly(2026, 9, 21), 20);

        Assert.Equal(new DateOnly(2026, 10, 26), due);
        Assert.Equal(20, _calendar.WorkingDaysBetween(new DateOnly(2026, 9, 21), due));
    }

    [Fact]
    public void IsWorkingDay_2026AutumnSchedule_MatchesOfficialNotice()
    {
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 9, 20)));   // Sunday, worked
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));  // Saturday, worked
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 9, 25)));  // Friday, Mid-Autumn
        Assert.All(Enumerable.Range(1, 7), d => Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 10, d))));
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 10, 8)));
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 10, 11)));  // ordinary Sunday
    }

    [Fact]
    public void WorkingDaysBetween_SpanWithWorkedSunday20September_CountsIt()
    {
        // Friday 9/18 → Tuesday 9/22: Sunday 9/20 (worked), 9/21, 9/22.
        Assert.Equal(3, _calendar.WorkingDaysBetween(new DateOnly(2026, 9, 18), new DateOnly(2026, 9, 22)));
    }

    [Fact]
    public void WorkingDaysBetween_Across2025SpringFestival_SkipsHolidayAndCountsWorkedWeekends()
    {
        // Friday 1/24 → Monday 2/10: 1/26 (Sunday worked), 1/27, [1/28–2/4 off], 2/5, 2/6, 2/7, 2/8 (Saturday worked), 2/10.
        Assert.Equal(7, _calendar.WorkingDaysBetween(new DateOnly(2025, 1, 24), new DateOnly(2025, 2, 10)));
    }

    [Fact]
    public void AddWorkingDays_FromEveOf2025SpringFestival_JumpsToFebruary5()
    {
        Assert.Equal(new DateOnly(2025, 2, 5), _calendar.AddWorkingDays(new DateOnly(2025, 1, 27), 1));
        Assert.Equal(new DateOnly(2025, 1, 26), _calendar.AddWorkingDays(new DateOnly(2025, 1, 24), 1));
    }

    [Fact]
    public void AddWorkingDays_AcrossNewYear2026_UsesBothYears()
    {
        // 12/31/2025 Wed → 1/1–1/3 off, Sunday 1/4 worked.
        Assert.Equal(new DateOnly(2026, 1, 4), _calendar.AddWorkingDays(new DateOnly(2025, 12, 31), 1));
    }

    [Fact]
    public void IsWorkingDay_2027Date_ThrowsNeverGuesses()
    {
        DateOutsideCalendarException ex = Assert.Throws<DateOutsideCalendarException>(() => _calendar.IsWorkingDay(new DateOnly(2027, 1, 4)));

        Assert.Equal(new DateOnly(2027, 1, 4), ex.Date);
        Assert.Contains("2025, 2026", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkingDays_RunningInto2027_Throws()
    {
        Assert.Throws<DateOutsideCalendarException>(() => _calendar.AddWorkingDays(new DateOnly(2026, 12, 20), 20));
    }

    [Fact]
    public void WorkingDaysBetween_2024Start_Throws()
    {
        Assert.Throws<DateOutsideCalendarException>(() => _calendar.WorkingDaysBetween(new DateOnly(2024, 12, 30), new DateOnly(2025, 1, 3)));
    }

    [Fact]
    public void WorkingDaysBetween_ReversedDates_IsNegative()
    {
        Assert.Equal(-7, _calendar.WorkingDaysBetween(new DateOnly(2025, 2, 10), new DateOnly(2025, 1, 24)));
    }

    [Fact]
    public void AddWorkingDays_Zero_ReturnsStart()
    {
        Assert.Equal(new DateOnly(2026, 10, 3), _calendar.AddWorkingDays(new DateOnly(2026, 10, 3), 0));
    }
}
