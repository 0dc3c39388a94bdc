using Relief.Domain.Calendar;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Calendar;

public class DeadlineCalculatorTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private readonly DeadlineCalculator _calculator = new(ShippedData.Calendar);

    [Fact]
    public void WorkingDays_AcceptedLateUtcEvening_CountsFromChinaDate()
    {
        // 2026-09-20 17:30 UTC is already Monday 2026-09-21 01:30 in China.
        Deadline deadline = _calculator.WorkingDays(new DateTimeOffset(2026, 9, 20, 17, 30, 0, TimeSpan.Zero), 20);

        Assert.Equal(new DateOnly(2026, 10, 26), deadline.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 0, 0, 0, Cst), deadline.ExpiresAt);
    }

    [Fact]
    public void WorkingDays_InvestigationStartThreeDays_SkipsWeekend()
    {
        Deadline deadline = _calculator.WorkingDays(new DateTimeOffset(2025, 3, 6, 10, 0, 0, Cst), 3);

        Assert.Equal(new DateOnly(2025, 3, 11), deadline.DueDate);
        Assert.False(deadline.IsOverdueAt(new DateTimeOffset(2025, 3, 11, 23, 59, 59, Cst)));
        Assert.True(deadline.IsOverdueAt(new DateTimeOffset(2025, 3, 12, 0, 0, 0, Cst)));
    }

    [Fact]
    public void CalendarDays_SevenDayNotice_IncludesHolidays()
    {
        Deadline deadline = DeadlineCalculator.CalendarDays(new DateTimeOffset(2026, 9, 29, 10, 0, 0, Cst), 7);

        Assert.Equal(new DateOnly(2026, 10, 6), deadline.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 10, 7, 0, 0, 0, Cst), deadline.ExpiresAt);
    }

    [Fact]
    public void Hours_TwentyFourHourAdvanceRelief_ExactInstantInChinaTime()
    {
        Deadline deadline = DeadlineCalculator.Hours(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero), 24);

        Assert.Equal(Cst, deadline.ExpiresAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 20, 0, 0, Cst), deadline.ExpiresAt);
        Assert.Equal(new DateOnly(2026, 3, 3), deadline.DueDate);
    }

    [Fact]
    public void DateOf_UtcAfternoon_IsNextChinaDay()
    {
        Assert.Equal(new DateOnly(2026, 10, 1), ChinaStandardTime.DateOf(new DateTimeOffset(2026, 9, 30, 17, 0, 0, TimeSpan.Zero)));
    }
}
