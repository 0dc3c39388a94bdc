using Relief.FunctionsHost.Invocations;

namespace Relief.FunctionsHost.Timers;

/// <summary>Schedule status as persisted in blob storage (as the Functions timer trigger keeps it).</summary>
/// <param name="Last">The last occurrence that ran (null before the first).</param>
/// <param name="Next">The next expected occurrence.</param>
/// <param name="LastUpdated">When the status was written (host clock).</param>
public sealed record ScheduleStatus(DateTimeOffset? Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

/// <summary>What a timer function is told about its occurrence.</summary>
/// <param name="ScheduledTime">The occurrence being run (in the schedule's time zone).</param>
/// <param name="IsPastDue">True when the occurrence was missed (no host was running) and is run late, once.</param>
/// <param name="IsStartupRun">True for the extra run at start asked by <c>runOnStartup</c>.</param>
/// <param name="ScheduleStatus">The status before this run (null on first use).</param>
public sealed record TimerInfo(DateTimeOffset ScheduledTime, bool IsPastDue, bool IsStartupRun, ScheduleStatus? ScheduleStatus);
