using System.Collections.Concurrent;
using Relief.FunctionsHost.Queues;

namespace Relief.FunctionsHost.Tests.Support;

/// <summary>The test message type.</summary>
public sealed record TestMessage(int Id, string Text);

/// <summary>Records what the probe queue function saw; <see cref="Behavior"/> decides what it does.</summary>
public sealed class QueueFunctionProbe
{
    private int _running;
    private int _maxRunning;

    public ConcurrentQueue<(TestMessage Message, QueueTriggerContext Context)> Started { get; } = new();

    public ConcurrentQueue<TestMessage> Completed { get; } = new();

    public Func<TestMessage, QueueTriggerContext, CancellationToken, Task> Behavior { get; set; } = (_, _, _) => Task.CompletedTask;

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    internal async Task RunAsync(TestMessage message, QueueTriggerContext context, CancellationToken cancellationToken)
    {
        Started.Enqueue((message, context));
        var now = Interlocked.Increment(ref _running);
        int max;
        while (now > (max = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, now, max) != max)
        {
        }

        try
        {
            await Behavior(message, context, cancellationToken);
            Completed.Enqueue(message);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}

/// <summary>The queue function under test: delegates to the probe.</summary>
public sealed class ProbeQueueFunction(QueueFunctionProbe probe) : IQueueFunction<TestMessage>
{
    public Task RunAsync(TestMessage message, QueueTriggerContext context, CancellationToken cancellationToken) =>
        probe.RunAsync(message, context, cancellationToken);
}
