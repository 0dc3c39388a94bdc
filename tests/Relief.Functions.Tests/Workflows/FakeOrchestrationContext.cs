using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Relief.Functions.Tests.Workflows;

/// <summary>
/// A deterministic <see cref="TaskOrchestrationContext"/> for orchestrator tests: the test owns the clock
/// (<see cref="AdvanceTo"/> fires due timers in order), raises external events (<see cref="Raise"/>; buffered until
/// awaited, like the real context) and answers activities through <see cref="Activities"/> (a thrown exception becomes
/// the <see cref="TaskFailedException"/> the orchestrator would see; no retries). Everything runs inline on the test's
/// thread, so after each call the orchestrator has run as far as it can.
/// </summary>
public sealed class FakeOrchestrationContext(string instanceId, DateTime startUtc) : TaskOrchestrationContext
{
    private readonly List<PendingTimer> _timers = [];
    private readonly Dictionary<string, Queue<object?>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<Action<object?>>> _waiting = new(StringComparer.OrdinalIgnoreCase);
    private int _taskId;

    /// <summary>Answers an activity call: name and input → result (or throws the activity's exception).</summary>
    public Func<string, object?, object?> Activities { get; set; } = (name, _) => throw new InvalidOperationException($"No answer for activity {name}.");

    /// <summary>Every activity call in order: name, input and the orchestration time of the call.</summary>
    public List<(string Name, object? Input, DateTime At)> Calls { get; } = [];

    /// <summary>The instants of the timers still pending (not fired, not cancelled).</summary>
    public IReadOnlyList<DateTime> PendingTimers => [.. _timers.Select(t => t.FireAt).Order()];

    public override TaskName Name => new("test");

    public override string InstanceId { get; } = instanceId;

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => Now;

    public override bool IsReplaying => false;

    public DateTime Now { get; private set; } = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);

    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    /// <summary>Starts the orchestrator and runs it to its first wait.</summary>
    public Task<T> Start<T>(Func<TaskOrchestrationContext, Task<T>> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        Task<T>? run = null;
        Inline(() => run = orchestrator(this));
        return run!;
    }

    /// <summary>Raises an external event (delivered now if awaited, else buffered).</summary>
    public void Raise(string name, object payload) => Inline(() =>
    {
        if (_waiting.TryGetValue(name, out var waiters) && waiters.Count > 0) waiters.Dequeue()(payload);
        else (_buffered.TryGetValue(name, out var q) ? q : _buffered[name] = new Queue<object?>()).Enqueue(payload);
    });

    /// <summary>Moves the clock to <paramref name="utc"/>, firing every timer due by then in order (each at its own instant).</summary>
    public void AdvanceTo(DateTime utc) => Inline(() =>
    {
        while (_timers.Where(t => t.FireAt <= utc).OrderBy(t => t.FireAt).FirstOrDefault() is { } due)
        {
            _timers.Remove(due);
            if (due.FireAt > Now) Now = due.FireAt;
            due.Completion.TrySetResult();
        }

        if (utc > Now) Now = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
    });

    /// <summary>Moves the clock forward by <paramref name="delay"/>.</summary>
    public void Advance(TimeSpan delay) => AdvanceTo(Now + delay);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        int id = ++_taskId;
        Calls.Add((name.Name, input, Now));
        try
        {
            return Task.FromResult((TResult)Activities(name.Name, input)!);
        }
        catch (Exception ex) when (ex is not InvalidCastException)
        {
            return Task.FromException<TResult>(new TaskFailedException(name.Name, id, TaskFailureDetails.FromException(ex)));
        }
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var timer = new PendingTimer(DateTime.SpecifyKind(fireAt, DateTimeKind.Utc), new TaskCompletionSource());
        if (timer.FireAt <= Now)
        {
            return Task.CompletedTask;
        }

        _timers.Add(timer);
        cancellationToken.Register(() =>
        {
            _timers.Remove(timer);
            timer.Completion.TrySetCanceled(cancellationToken);
        });
        return timer.Completion.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        if (_buffered.TryGetValue(eventName, out var q) && q.Count > 0) return Task.FromResult((T)q.Dequeue()!);
        var completion = new TaskCompletionSource<T>();
        (_waiting.TryGetValue(eventName, out var waiters) ? waiters : _waiting[eventName] = new Queue<Action<object?>>()).Enqueue(p => completion.TrySetResult((T)p!));
        return completion.Task;
    }

    public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();

    public override void SetCustomStatus(object? customStatus)
    {
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        throw new NotSupportedException();

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => throw new NotSupportedException();

    public override Guid NewGuid() => new(_taskId, 0, 0, new byte[8]);

    public override T? GetInput<T>() where T : default => default;

    // Continuations run inline on the caller's thread: no synchronization context (xUnit installs one).
    private static void Inline(Action action)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private sealed record PendingTimer(DateTime FireAt, TaskCompletionSource Completion);
}
