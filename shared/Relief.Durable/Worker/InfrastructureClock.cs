namespace Relief.Durable.Worker;

/// <summary>
/// The clock for polling back-off and partition leases — real elapsed time, because storage leases
/// and queue visibility run on real time. Orchestration time (CurrentUtcDateTime, durable timers)
/// comes from the injected <see cref="TimeProvider"/> instead, which tests may fake.
/// </summary>
/// <param name="Time">The time provider (default <see cref="TimeProvider.System"/>).</param>
public sealed record InfrastructureClock(TimeProvider Time)
{
    /// <summary>The real clock.</summary>
    public static InfrastructureClock System { get; } = new(TimeProvider.System);
}
