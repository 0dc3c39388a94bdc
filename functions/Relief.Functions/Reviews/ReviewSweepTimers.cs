using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Relief.Cases.Payments;
using Relief.Domain.Calendar;
using Relief.Domain.Reviews;

namespace Relief.Functions.Reviews;

/// <summary>
/// Timers (settings <c>ReviewYearlySchedule</c> and <c>ReviewHalfYearlySchedule</c>, 6-field CRON; shipped value
/// <c>0 20 * * * *</c> and <c>0 25 * * * *</c>, every hour): start the sweep of the households due this China month with
/// the yearly (每年核查) or the half-yearly (每半年核查) cadence, once per month — the first tick of a month starts it,
/// the others find it started (one storage read), and a tick missed while the app was down is caught up by the next.
/// <c>POST /api/reviews/sweeps/{cadence}/{month}</c> runs one again.
/// </summary>
public sealed partial class ReviewSweepTimers(TimeProvider time, ILogger<ReviewSweepTimers> logger)
{
    /// <summary>The setting naming the yearly sweep's schedule.</summary>
    public const string YearlyScheduleSetting = "ReviewYearlySchedule";

    /// <summary>The setting naming the half-yearly sweep's schedule.</summary>
    public const string HalfYearlyScheduleSetting = "ReviewHalfYearlySchedule";

    [Function("YearlyReviewSweep")]
    public Task YearlyAsync([TimerTrigger("%" + YearlyScheduleSetting + "%")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        StartAsync(ReviewFrequency.Yearly, durable, cancellationToken);

    [Function("HalfYearlyReviewSweep")]
    public Task HalfYearlyAsync([TimerTrigger("%" + HalfYearlyScheduleSetting + "%")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        StartAsync(ReviewFrequency.HalfYearly, durable, cancellationToken);

    private async Task StartAsync(ReviewFrequency frequency, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        string month = PayPeriod.Of(ChinaStandardTime.DateOf(time.GetUtcNow())).ToString();
        bool started = await ReviewSweeps.StartAsync(durable, frequency, month, runAgain: false, cancellationToken).ConfigureAwait(false);
        SweepTick(logger, frequency.ToString(), month, started);
    }

    [LoggerMessage(12010, LogLevel.Information, "Review sweep {Frequency} {Month}: {Started} (false: already started this month)")]
    private static partial void SweepTick(ILogger logger, string frequency, string month, bool started);
}
