using Relief.Domain.Policies;

namespace Relief.Domain.Calendar;

/// <summary>The deadlines that run from the acceptance of an application (受理), under the policy in force.</summary>
/// <param name="InvestigationStart">Investigation must start by (入户调查启动时限).</param>
/// <param name="Overall">Normal overall limit (办结时限).</param>
/// <param name="Extended">Overall limit in special cases (特殊情况延长时限).</param>
public sealed record ProcedureDeadlines(Deadline InvestigationStart, Deadline Overall, Deadline Extended)
{
    /// <summary>Computes the deadlines for an application accepted at <paramref name="acceptedAt"/>.</summary>
    public static ProcedureDeadlines ForAcceptance(DeadlineCalculator calculator, ProcedureLimits limits, DateTimeOffset acceptedAt)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        ArgumentNullException.ThrowIfNull(limits);
        return new ProcedureDeadlines(
            WorkingDays(calculator, limits, acceptedAt, limits.InvestigationStartWorkingDays),
            WorkingDays(calculator, limits, acceptedAt, limits.OverallWorkingDays),
            WorkingDays(calculator, limits, acceptedAt, limits.ExtendedWorkingDays));
    }

    /// <summary>County decision deadline from the day the county receives the file (县级审批时限).</summary>
    public static Deadline CountyDecision(DeadlineCalculator calculator, ProcedureLimits limits, DateTimeOffset fileReceivedAt)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        ArgumentNullException.ThrowIfNull(limits);
        return WorkingDays(calculator, limits, fileReceivedAt, limits.CountyDecisionWorkingDays);
    }

    /// <summary>End of the public notice that starts at <paramref name="noticeStart"/> (公示期, calendar days).</summary>
    public static Deadline PublicNotice(ProcedureLimits limits, DateTimeOffset noticeStart)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits.RehearsalSecondsPerDay is { } seconds
            ? DeadlineCalculator.Rehearsal(noticeStart, limits.PublicNoticeDays, seconds)
            : DeadlineCalculator.CalendarDays(noticeStart, limits.PublicNoticeDays);
    }

    /// <summary>Working days under <paramref name="limits"/>: real ones from the calendar, or rehearsal seconds.</summary>
    public static Deadline WorkingDays(DeadlineCalculator calculator, ProcedureLimits limits, DateTimeOffset start, int days)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        ArgumentNullException.ThrowIfNull(limits);
        return limits.RehearsalSecondsPerDay is { } seconds ? DeadlineCalculator.Rehearsal(start, days, seconds) : calculator.WorkingDays(start, days);
    }
}
