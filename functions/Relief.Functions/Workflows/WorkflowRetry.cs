using Relief.Domain.Calendar;
using Relief.Durable;

namespace Relief.Functions.Workflows;

/// <summary>The retry of every workflow activity: 5 attempts, 1 minute doubling to at most 30 minutes (infrastructure faults).</summary>
internal static class WorkflowRetry
{
    private static RetryPolicy Policy => new(5, TimeSpan.FromMinutes(1), 2, TimeSpan.FromMinutes(30));

    /// <summary>For activities in general.</summary>
    public static TaskOptions Activities { get; } = TaskOptions.FromRetryPolicy(Policy);

    /// <summary>For deadline planning: a missing working-day calendar is not retried here (see <see cref="CalendarAware"/>).</summary>
    public static TaskOptions Planning { get; } = TaskOptions.FromRetryPolicy(Policy with { Handle = f => !f.IsCausedBy<DateOutsideCalendarException>() });
}
