using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Relief.Durable.Core;

/// <summary>
/// The orchestration context used during replay. It numbers every action with a sequence id, records
/// emitted actions so the executor can match them against history, and completes the tasks the
/// orchestrator awaits as history events are applied.
/// </summary>
internal sealed class ReplayOrchestrationContext : TaskOrchestrationContext
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly Dictionary<int, HistoryEvent> _unmatched = [];
    private readonly Dictionary<int, OpenTask> _open = [];
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<HistoryEvent> _buffered = [];
    private int _nextTaskId;
    private int _guidCounter;
    private string? _input;

    public ReplayOrchestrationContext(string instanceId, ILoggerFactory? loggerFactory)
    {
        InstanceId = instanceId;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    public override string InstanceId { get; }
    public override string Name => StartedEvent?.Name ?? string.Empty;
    public override string Version => StartedEvent?.Version ?? string.Empty;
    public override string? ParentInstanceId => StartedEvent?.Parent?.InstanceId;
    public override bool IsReplaying => Replaying;
    public override DateTime CurrentUtcDateTime => Now;

    internal bool Replaying { get; set; } = true;
    internal DateTime Now
    {
        get => _now;
        set => _now = DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }

    private DateTime _now;
    internal HistoryEvent? StartedEvent { get; set; }
    internal string? CustomStatus { get; private set; }
    internal bool ContinueAsNewRequested { get; private set; }
    internal string? ContinueAsNewInput { get; private set; }
    internal bool PreserveUnprocessedEvents { get; private set; }
    internal IReadOnlyList<HistoryEvent> BufferedEvents => _buffered;

    internal void SetInput(string? input) => _input = input;

    public override T? GetInput<T>() where T : default => JsonData.Deserialize<T>(_input);

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var json = await WithRetry(options?.Retry, () => Schedule(new HistoryEvent
        {
            Type = HistoryEventType.TaskScheduled,
            Name = name,
            Input = JsonData.Serialize(input),
        }));
        return JsonData.Deserialize<TResult>(json)!;
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var sub = options as SubOrchestrationOptions;
        var json = await WithRetry(options?.Retry, () => Schedule(new HistoryEvent
        {
            Type = HistoryEventType.SubOrchestrationCreated,
            Name = name,
            Version = sub?.Version,
            Input = JsonData.Serialize(input),
            InstanceId = sub?.InstanceId ?? NewGuid().ToString("N"),
        }));
        return JsonData.Deserialize<TResult>(json)!;
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var task = Schedule(new HistoryEvent
        {
            Type = HistoryEventType.TimerCreated,
            // Unspecified is taken as UTC (never as server-local time: hosts run in China Standard Time).
            FireAt = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc),
        });
        if (cancellationToken.CanBeCanceled)
        {
            var id = _nextTaskId - 1;
            cancellationToken.Register(() =>
            {
                if (_open.Remove(id, out var open)) open.Completion.TrySetCanceled(cancellationToken);
            });
        }
        return task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var index = _buffered.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var buffered = _buffered[index];
            _buffered.RemoveAt(index);
            return Task.FromResult(JsonData.Deserialize<T>(buffered.Input)!);
        }

        var tcs = new TaskCompletionSource<string?>();
        if (!_waiters.TryGetValue(eventName, out var list)) _waiters[eventName] = list = new LinkedList<TaskCompletionSource<string?>>();
        var node = list.AddLast(tcs);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null) list.Remove(node);
                tcs.TrySetCanceled(cancellationToken);
            });
        }
        return Convert<T>(tcs.Task);
    }

    private static async Task<T> Convert<T>(Task<string?> task) => JsonData.Deserialize<T>(await task)!;

    public override void ContinueAsNew(object? newInput, bool preserveUnprocessedEvents = true)
    {
        ContinueAsNewRequested = true;
        ContinueAsNewInput = JsonData.Serialize(newInput);
        PreserveUnprocessedEvents = preserveUnprocessedEvents;
    }

    public override void SetCustomStatus(object? customStatus) => CustomStatus = JsonData.Serialize(customStatus);

    public override Guid NewGuid() =>
        DeterministicGuid.Create(string.Create(CultureInfo.InvariantCulture,
            $"{InstanceId}|{StartedEvent?.ExecutionId}|{Now:O}|{_guidCounter++}"));

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(this, _loggerFactory.CreateLogger(categoryName));

    // ---- executor side ----

    /// <summary>True when something durable (a task or an event wait) can still wake the orchestrator.</summary>
    internal bool HasDurableWork => _open.Count > 0 || _waiters.Values.Any(l => l.Count > 0);

    /// <summary>Actions emitted and not yet matched with history, keyed by task id.</summary>
    internal Dictionary<int, HistoryEvent> Unmatched => _unmatched;

    internal bool TryCompleteTask(int taskId, string? result, FailureDetails? failure, bool cancelledOk)
    {
        if (!_open.Remove(taskId, out var open)) return cancelledOk;
        if (failure is null) open.Completion.TrySetResult(result);
        else open.Completion.TrySetException(new TaskFailedException(open.Name, taskId, failure));
        return true;
    }

    /// <summary>Delivers an external event to the oldest waiter for its name, or buffers it.</summary>
    internal void DeliverEvent(HistoryEvent raised)
    {
        if (raised.Name is not null && _waiters.TryGetValue(raised.Name, out var list) && list.First is { } first)
        {
            list.RemoveFirst();
            first.Value.TrySetResult(raised.Input);
            return;
        }
        _buffered.Add(raised);
    }

    private Task<string?> Schedule(HistoryEvent action)
    {
        var id = _nextTaskId++;
        action.TaskId = id;
        action.Timestamp = Now;
        _unmatched[id] = action;
        var tcs = new TaskCompletionSource<string?>();
        _open[id] = new OpenTask(action.Name ?? action.Type.ToString(), tcs);
        return tcs.Task;
    }

    private async Task<string?> WithRetry(RetryPolicy? policy, Func<Task<string?>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (TaskFailedException ex) when (policy is not null && attempt < policy.MaxNumberOfAttempts
                                                  && (policy.Handle?.Invoke(ex.FailureDetails) ?? true))
            {
                await CreateTimer(Now.Add(policy.DelayAfter(attempt)), CancellationToken.None);
            }
        }
    }

    private sealed record OpenTask(string Name, TaskCompletionSource<string?> Completion);

    private sealed class ReplaySafeLogger(ReplayOrchestrationContext context, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);
        public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying) inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
