using Microsoft.Extensions.Logging;

namespace Relief.FunctionsHost.Invocations;

/// <summary>Starts invocations (id, log scope, clock) and logs how each ended as structured data.</summary>
public sealed class InvocationTracker(TimeProvider time, IInvocationIdSource ids, ILogger<InvocationTracker> logger)
{
    /// <summary>Begins an invocation of <paramref name="functionName"/>.</summary>
    public Invocation Begin(string functionName, TriggerKind trigger)
    {
        var context = new FunctionContext(functionName, ids.NextId(), trigger);
        var scope = logger.BeginScope(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["FunctionName"] = context.FunctionName,
            ["InvocationId"] = context.InvocationId,
            ["Trigger"] = context.Trigger.ToString(),
        });
        return new Invocation(this, context, time.GetTimestamp(), scope);
    }

    internal void End(Invocation invocation, InvocationOutcome outcome, Exception? error)
    {
        var duration = time.GetElapsedTime(invocation.StartTimestamp);
        var c = invocation.Context;
        if (outcome == InvocationOutcome.Failed)
        {
            ListenerLogs.InvocationFailed(logger, error, c.FunctionName, c.InvocationId, c.Trigger, duration.TotalMilliseconds, outcome);
        }
        else
        {
            ListenerLogs.InvocationCompleted(logger, c.FunctionName, c.InvocationId, c.Trigger, duration.TotalMilliseconds, outcome);
        }
    }
}

/// <summary>One running invocation; <see cref="Complete"/> logs its outcome exactly once.</summary>
public sealed class Invocation : IDisposable
{
    private readonly InvocationTracker _tracker;
    private readonly IDisposable? _scope;
    private int _ended;

    internal Invocation(InvocationTracker tracker, FunctionContext context, long startTimestamp, IDisposable? scope)
    {
        _tracker = tracker;
        Context = context;
        StartTimestamp = startTimestamp;
        _scope = scope;
    }

    /// <summary>The function's view of this invocation.</summary>
    public FunctionContext Context { get; }

    internal long StartTimestamp { get; }

    /// <summary>Logs the outcome (first call wins).</summary>
    public void Complete(InvocationOutcome outcome, Exception? error = null)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0) _tracker.End(this, outcome, error);
    }

    /// <inheritdoc />
    public void Dispose() => _scope?.Dispose();
}
