using Relief.Cases.Payments;
using Relief.Functions.Payroll;

namespace Relief.Functions.Tests.Payroll;

public sealed class MonthlyPayrollTests
{
    // Issue 11: the payroll starts at 01:00 China time on the 1st (UTC+8), whatever zone the host reads the CRON in.
    [Theory]
    [InlineData("2026-01-31T16:59:59Z", null)]        // 00:59 on 1 February in China: not yet
    [InlineData("2026-01-31T17:00:00Z", "2026-02")]   // 01:00 on 1 February in China
    [InlineData("2026-02-01T15:59:00Z", "2026-02")]   // 23:59 on 1 February in China: an hour missed is caught up
    [InlineData("2026-02-01T16:00:00Z", null)]        // 2 February in China
    [InlineData("2026-12-31T17:00:00Z", "2027-01")]   // over the year end
    public void DueMonth_FromOneOClockOnTheFirstInChina(string utc, string? expected)
    {
        PayPeriod? due = MonthlyPayroll.DueMonth(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, due?.ToString());
    }
}
