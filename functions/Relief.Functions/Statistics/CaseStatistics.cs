using Relief.Cases.Deadlines;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Payments;
using Relief.Cases.Records;
using Relief.Cases.Statistics;
using Relief.Cases.Storage.Statistics;
using Relief.Domain.Calendar;

namespace Relief.Functions.Statistics;

/// <summary>
/// Counts what happens to cases in the statistics (统计), each fact once under a key of its own (the activities that
/// report them are retried): an application in the month it was received; a decision (approval or refusal, an
/// override, the working days from acceptance) in the month decided; a passed deadline and its escalation (超期督办) in
/// the month it passed. Months and days are China's.
/// </summary>
public sealed class CaseStatistics(StatisticsStore statistics, WorkingDayCalendar calendar)
{
    /// <summary>Counts the application of <paramref name="record"/>.</summary>
    public Task ReceivedAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return statistics.RecordAsync(StatisticsEvent.One($"case|{record.CaseId}|received", record.Jurisdiction, record.Program.ToCode(), MonthOf(record.CreatedAt),
            StatisticsMetric.Applications), cancellationToken);
    }

    /// <summary>Counts the decision of a case that reached <see cref="CaseStep.Approved"/> or <see cref="CaseStep.Refused"/>; nothing for other steps.</summary>
    public Task DecidedAsync(CaseRecord record, DateTimeOffset decidedAt, DateTimeOffset? acceptedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Step is not (CaseStep.Approved or CaseStep.Refused)) return Task.CompletedTask;
        var increments = new Dictionary<StatisticsMetric, long>
        {
            [record.Step == CaseStep.Approved ? StatisticsMetric.Approvals : StatisticsMetric.Refusals] = 1,
        };
        if (record.Step == CaseStep.Approved && record.Overridden) increments[StatisticsMetric.Overrides] = 1;
        if (acceptedAt is { } accepted)
        {
            int days = calendar.WorkingDaysBetween(ChinaStandardTime.DateOf(accepted), ChinaStandardTime.DateOf(decidedAt));
            increments[StatisticsMetric.DecisionWorkingDays] = Math.Max(0, days);
        }

        return statistics.RecordAsync(new StatisticsEvent($"case|{record.CaseId}|decided", record.Jurisdiction, record.Program.ToCode(), MonthOf(decidedAt), increments), cancellationToken);
    }

    /// <summary>Counts a passed deadline of a case and its escalation.</summary>
    public Task OverdueAsync(CaseRecord record, CaseDeadline deadline, DateTimeOffset detectedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(deadline);
        string key = $"case|{record.CaseId}|overdue|{deadline.Kind}|{deadline.Reference}|{deadline.ExpiresAt.UtcTicks}";
        return statistics.RecordAsync(new StatisticsEvent(key, record.Jurisdiction, record.Program.ToCode(), MonthOf(detectedAt),
            new Dictionary<StatisticsMetric, long> { [StatisticsMetric.OverdueSteps] = 1, [StatisticsMetric.Escalations] = 1 }), cancellationToken);
    }

    private static PayPeriod MonthOf(DateTimeOffset at) => PayPeriod.Of(ChinaStandardTime.DateOf(at));
}
