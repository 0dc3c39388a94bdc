using Relief.Domain.Calendar;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Calendar;

/// <summary>Provisional years (issue 16 § 4): weekends plus the statutory holidays of the national holiday rules
/// in force from 2025 (全国年节及纪念日放假办法, 国务院令第798号), for years whose State Council schedule is not loaded.</summary>
public class ProvisionalCalendarYearTests
{
    private static readonly WorkingDayCalendar Provisional = new(ShippedData.Calendar.KnownYears.Select(ShippedYear), provisionalForMissingYears: true);

    [Fact]
    public void Build_2027_SpringFestivalIsChineseNewYearsEveAndDaysOneToThree()
    {
        // Chinese New Year 2027 is Saturday 6 February: the eve (Friday 5 February) and 6–8 February are off.
        var year = ProvisionalCalendarYear.Build(2027);

        Assert.True(year.Provisional);
        Assert.Contains(new DateOnly(2027, 2, 5), year.Holidays);
        Assert.Contains(new DateOnly(2027, 2, 8), year.Holidays);
        Assert.DoesNotContain(new DateOnly(2027, 2, 9), year.Holidays);
        Assert.False(Provisional.IsWorkingDay(new DateOnly(2027, 2, 5)));
        Assert.True(Provisional.IsWorkingDay(new DateOnly(2027, 2, 9)));
    }

    [Fact]
    public void Build_2027_NationalDayFirstToThirdOctoberAndTheOtherStatutoryDays()
    {
        var year = ProvisionalCalendarYear.Build(2027);

        Assert.All(new[] { 1, 2, 3 }, d => Assert.False(Provisional.IsWorkingDay(new DateOnly(2027, 10, d))));
        Assert.True(Provisional.IsWorkingDay(new DateOnly(2027, 10, 4)));          // Monday after the 3 statutory days
        Assert.Contains(new DateOnly(2027, 1, 1), year.Holidays);                    // New Year
        Assert.Contains(new DateOnly(2027, 4, 5), year.Holidays);                    // Qingming (solar term)
        Assert.Contains(new DateOnly(2027, 5, 1), year.Holidays);                    // Labour Day, 2 days
        Assert.Contains(new DateOnly(2027, 5, 2), year.Holidays);
        Assert.Contains(new DateOnly(2027, 6, 9), year.Holidays);                    // Dragon Boat, 5th day of the 5th month
        Assert.Contains(new DateOnly(2027, 9, 15), year.Holidays);                   // Mid-Autumn, 15th day of the 8th month
        Assert.Equal(13, year.Holidays.Count);
        Assert.Empty(year.WorkedWeekendDays);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Build_YearWithOfficialSchedule_EveryStatutoryHolidayIsOffInTheOfficialNotice(int yearNumber)
    {
        // The rule reproduces the statutory core of the published schedules (the notices add bridge days and 调休).
        var provisional = ProvisionalCalendarYear.Build(yearNumber);

        Assert.All(provisional.Holidays, day => Assert.False(ShippedData.Calendar.IsWorkingDay(day), $"{day} is a statutory holiday"));
    }

    [Theory]
    [InlineData(2025, 4, 4)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 4, 5)]
    [InlineData(2028, 4, 4)]
    public void Qingming_SolarTermRule_MatchesTheAlmanac(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), ProvisionalCalendarYear.Qingming(year));
    }

    [Fact]
    public void Deadline_TwentyWorkingDaysFromMidDecember2026_ReachesIntoProvisional2027AndIsMarked()
    {
        var calculator = new DeadlineCalculator(Provisional);

        // From Monday 2026-12-14: 12/15–12/31 has 13 working days; 2027: 1/1 off, 1/4–1/8 (18), 1/11, 1/12 (20).
        var deadline = calculator.WorkingDays(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.FromHours(8)), 20);

        Assert.Equal(new DateOnly(2027, 1, 12), deadline.DueDate);
        Assert.True(deadline.Provisional);
    }

    [Fact]
    public void Deadline_WithinAnOfficialYear_IsNotProvisional()
    {
        var deadline = new DeadlineCalculator(Provisional).WorkingDays(new DateTimeOffset(2026, 9, 21, 9, 0, 0, TimeSpan.FromHours(8)), 20);

        Assert.Equal(new DateOnly(2026, 10, 26), deadline.DueDate);
        Assert.False(deadline.Provisional);
    }

    [Fact]
    public void CalendarWithoutProvisionalYears_StillRefuses2027()
    {
        Assert.Throws<DateOutsideCalendarException>(() => ShippedData.Calendar.IsWorkingDay(new DateOnly(2027, 2, 5)));
    }

    [Fact]
    public void Build_YearBeforeTheRulesOrBeyondTheAlmanac_Refused()
    {
        Assert.Throws<DateOutsideCalendarException>(() => Provisional.IsWorkingDay(new DateOnly(2024, 6, 3)));
        Assert.Throws<DateOutsideCalendarException>(() => ProvisionalCalendarYear.Build(2100));
    }

    [Fact]
    public void TryLoad_OfficialYearAtRunTime_ReplacesTheProvisionalOne_OnlyOnce()
    {
        var calendar = new WorkingDayCalendar(ShippedData.Calendar.KnownYears.Select(ShippedYear), provisionalForMissingYears: true);
        var monday = new DateOnly(2027, 3, 1);
        Assert.True(calendar.IsProvisional(monday));
        Assert.True(calendar.IsWorkingDay(monday));
        var official = new CalendarYear(2027, new HashSet<DateOnly> { new(2027, 1, 1), monday }, new HashSet<DateOnly>(), "test schedule");

        Assert.True(calendar.TryLoad(official));
        Assert.False(calendar.TryLoad(official with { Holidays = new HashSet<DateOnly>() }));

        Assert.False(calendar.IsProvisional(monday));
        Assert.False(calendar.IsWorkingDay(monday));
        Assert.Contains(2027, calendar.KnownYears);
        Assert.Throws<ArgumentException>(() => calendar.TryLoad(ProvisionalCalendarYear.Build(2028)));
    }

    [Fact]
    public void OfficialYear_TheLoadedScheduleOnly_NeverTheProvisionalStandIn()
    {
        var calendar = new WorkingDayCalendar(ShippedData.Calendar.KnownYears.Select(ShippedYear), provisionalForMissingYears: true);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 3, 1))); // the provisional 2027 is in use
        Assert.Null(calendar.OfficialYear(2027));
        var official = new CalendarYear(2027, new HashSet<DateOnly> { new(2027, 1, 1) }, new HashSet<DateOnly>(), "test schedule");

        calendar.TryLoad(official);

        Assert.Same(official, calendar.OfficialYear(2027));
        Assert.NotNull(calendar.OfficialYear(2026));
    }

    [Fact]
    public void SameDaysAs_SameDaysWhateverTheSourceOrOrder_AnyDayDifferent_NotTheSame()
    {
        var schedule = new CalendarYear(2027, new HashSet<DateOnly> { new(2027, 1, 1), new(2027, 10, 1) }, new HashSet<DateOnly> { new(2027, 9, 26) }, "first file");
        var reordered = new CalendarYear(2027, new SortedSet<DateOnly> { new(2027, 10, 1), new(2027, 1, 1) }, new HashSet<DateOnly> { new(2027, 9, 26) }, "second file");

        Assert.True(schedule.SameDaysAs(reordered));
        Assert.False(schedule.SameDaysAs(reordered with { Holidays = new HashSet<DateOnly> { new(2027, 1, 1) } }));
        Assert.False(schedule.SameDaysAs(reordered with { WorkedWeekendDays = new HashSet<DateOnly>() }));
        Assert.False(schedule.SameDaysAs(reordered with { Year = 2028 }));
    }

    private static CalendarYear ShippedYear(int year)
    {
        var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(i => new DateOnly(year, 1, 1).AddDays(i)).ToList();
        var calendar = ShippedData.Calendar;
        var holidays = days.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !calendar.IsWorkingDay(d)).ToHashSet();
        var worked = days.Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && calendar.IsWorkingDay(d)).ToHashSet();
        return new CalendarYear(year, holidays, worked, "shipped");
    }
}
