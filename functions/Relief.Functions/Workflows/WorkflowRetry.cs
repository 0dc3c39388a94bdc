using Microsoft.DurableTask;
using Relief.Domain.Calendar;

namespace Relief.Functions.Workflows;

/// <summary>The retry of every workflow activity: 5 attempts, 1 minute doubling to at most 30 minutes (infrastructure faults).</summary>
internal static class WorkflowRetry
{
    /// <summary>For activities in general.</summary>
    public static TaskOptions Activities { get; } = TaskOptions.FromRetryPolicy(Policy());

    /// <summary>For deadline planning: a missing working-day calendar is not retried here (see <see cref="CalendarAware"/>).</summary>
    public static TaskOptions Planning { get; } = TaskOptions.FromRetryPolicy(Policy(f => !f.IsCausedBy<DateOutsideCalendarException>()));

    private static RetryPolicy Policy(Func<TaskFailureDetails, bool>? handle = null)
    {
        var policy = new RetryPolicy(5, TimeSpan.FromMinutes(1), 2, TimeSpan.FromMinutes(30));
        return handle is null ? policy : new RetryPolicy(5, TimeSpan.FromMinutes(1), 2, TimeSpan.FromMinutes(30)) { HandleFailure = handle };
    }
}
