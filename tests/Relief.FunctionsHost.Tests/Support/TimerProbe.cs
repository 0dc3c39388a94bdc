using System.Collections.Concurrent;
using Relief.FunctionsHost.Invocations;
using Relief.FunctionsHost.Timers;

namespace Relief.FunctionsHost.Tests.Support;

/// <summary>Records timer runs: what the function was told, which host ran it, and the clock then.</summary>
public sealed class TimerProbe(TimeProvider time)
{
    public ConcurrentQueue<(TimerInfo Timer, string Host, DateTimeOffset At)> Runs { get; } = new();

    internal void Record(TimerInfo timer, string host) => Runs.Enqueue((timer, host, time.GetUtcNow()));
}

/// <summary>Which host a function runs in (registered per host).</summary>
public sealed record HostName(string Value);

/// <summary>The timer function under test.</summary>
public sealed class ProbeTimerFunction(TimerProbe probe, HostName host) : ITimerFunction
{
    public Task RunAsync(TimerInfo timer, FunctionContext context, CancellationToken cancellationToken)
    {
        probe.Record(timer, host.Value);
        return Task.CompletedTask;
    }
}
