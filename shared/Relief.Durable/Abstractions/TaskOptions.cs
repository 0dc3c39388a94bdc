namespace Relief.Durable;

/// <summary>Options for one activity or sub-orchestration call.</summary>
/// <param name="Retry">Retry policy; null = no retry.</param>
public record TaskOptions(RetryPolicy? Retry = null)
{
    /// <summary>Options with the given retry policy.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}

/// <summary>Options for a sub-orchestration call.</summary>
/// <param name="InstanceId">The child's instance id; null = a deterministic new id.</param>
/// <param name="Version">The child's orchestrator version; null = the latest registered.</param>
/// <param name="Retry">Retry policy; null = no retry.</param>
public sealed record SubOrchestrationOptions(string? InstanceId = null, string? Version = null, RetryPolicy? Retry = null) : TaskOptions(Retry);

/// <summary>
/// A durable retry policy: attempts are separated by durable timers, so retries survive restarts and
/// wait on the orchestration clock.
/// </summary>
/// <param name="MaxNumberOfAttempts">Total attempts including the first (≥ 1).</param>
/// <param name="FirstRetryInterval">Delay before the second attempt.</param>
/// <param name="BackoffCoefficient">Multiplier applied to the delay after each attempt (≥ 1).</param>
/// <param name="MaxRetryInterval">Upper bound on one delay; null = unbounded.</param>
public sealed record RetryPolicy(int MaxNumberOfAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient = 1.0, TimeSpan? MaxRetryInterval = null)
{
    /// <summary>Optional filter: return false to stop retrying for this failure.</summary>
    public Func<FailureDetails, bool>? Handle { get; init; }

    /// <summary>The delay before attempt number <paramref name="attempt"/> + 1 (attempt is 1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, Math.Max(0, attempt - 1));
        var delay = ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
        return MaxRetryInterval is { } max && delay > max ? max : delay;
    }
}
