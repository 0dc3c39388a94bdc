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
        // HandleFailure is init-only and has its own default (retry everything): set it only when given.
        return handle is null
            ? new RetryPolicy(5, TimeSpan.FromMinutes(1), 2, TimeSpan.FromMinutes(30))
            : new RetryPolicy(5, TimeSpan.FromMinutes(1), 2, TimeSpan.FromMinutes(30)) { HandleFailure = handle };
    }
}
