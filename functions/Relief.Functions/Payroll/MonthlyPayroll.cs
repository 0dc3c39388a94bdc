using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Relief.Cases.Payments;

namespace Relief.Functions.Payroll;

/// <summary>
/// Timer (setting <c>PayrollSchedule</c>, 6-field CRON; shipped value <c>0 0 * * * *</c>, every hour): from 01:00 China
/// time on the 1st of a month, starts the month's payroll for every jurisdiction that has not had one — so the start
/// does not depend on the time zone the host reads the CRON in (Linux plans ignore WEBSITE_TIME_ZONE), and an hour
/// missed while the app was down is caught up by the next. A payroll that ever started is not started again by the
/// timer; <c>POST /api/payrolls/{period}</c> runs one again.
/// </summary>
public sealed partial class MonthlyPayroll(PayrollStarter starter, TimeProvider time, ILogger<MonthlyPayroll> logger)
{
    /// <summary>The setting naming the schedule.</summary>
    public const string ScheduleSetting = "PayrollSchedule";

    [Function(nameof(MonthlyPayroll))]
    public async Task RunAsync([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        DateTimeOffset now = time.GetUtcNow();
        if (DueMonth(now) is not { } month)
        {
            NotDue(logger, now.ToOffset(TimeSpan.FromHours(8)));
            return;
        }

        await starter.StartAsync(durable, month, starter.AllJurisdictions, runAgain: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The month whose payroll is due at <paramref name="now"/>: on the 1st in China from 01:00 on; else null.</summary>
    public static PayPeriod? DueMonth(DateTimeOffset now)
    {
        DateTimeOffset china = now.ToOffset(TimeSpan.FromHours(8));
        return china.Day == 1 && china.Hour >= StartHour ? new PayPeriod(china.Year, china.Month) : null;
    }

    /// <summary>The China hour of the 1st from which the payroll starts (01:00).</summary>
    public const int StartHour = 1;

    [LoggerMessage(6002, LogLevel.Debug, "Monthly payroll: {China:yyyy-MM-dd HH:mm} China time is before 01:00 on the 1st or not the 1st; nothing to start")]
    private static partial void NotDue(ILogger logger, DateTimeOffset china);
}
