namespace Relief.FunctionsHost.Queues;

/// <summary>
/// The clock queue listeners wait on between polls: real elapsed time by default, because queue visibility runs on
/// the storage service's clock. The app's <see cref="TimeProvider"/> (business time, which tests may fake) is what
/// functions see; a faked business clock must not stop the listeners from polling.
/// </summary>
/// <param name="Time">The time provider polling delays run on (default <see cref="TimeProvider.System"/>).</param>
public sealed record PollingClock(TimeProvider Time)
{
    /// <summary>Real elapsed time.</summary>
    public static PollingClock System { get; } = new(TimeProvider.System);
}
