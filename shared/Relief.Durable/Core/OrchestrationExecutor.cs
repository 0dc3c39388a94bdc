using Microsoft.Extensions.Logging;

namespace Relief.Durable.Core;

/// <summary>
/// Replays an orchestrator over its history and applies new events: runs the orchestrator on a
/// single-threaded context until it is blocked, matches every action it emits against the recorded
/// history by task id, kind and name (a mismatch fails the instance as non-deterministic), and
/// returns the new events and actions of the episode. Pure: no I/O, no clock.
/// </summary>
public sealed class OrchestrationExecutor
{
    private readonly IOrchestratorCatalog _catalog;
    private readonly ILoggerFactory? _loggerFactory;

    /// <summary>Creates the executor.</summary>
    public OrchestrationExecutor(IOrchestratorCatalog catalog, ILoggerFactory? loggerFactory = null)
    {
        _catalog = catalog;
        _loggerFactory = loggerFactory;
    }

    /// <summary>Runs one episode.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="past">The committed history of the current execution.</param>
    /// <param name="newEvents">New, de-duplicated input events (task results, timers, external events, control events).</param>
    /// <param name="now">The episode time (engine clock).</param>
    public EpisodeResult Execute(string instanceId, IReadOnlyList<HistoryEvent> past, IReadOnlyList<HistoryEvent> newEvents, DateTime now)
    {
        var result = new EpisodeResult();
        var context = new ReplayOrchestrationContext(instanceId, _loggerFactory);
        var sync = new ReplaySynchronizationContext();
        var run = new Run(context, sync, result, _catalog);

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(sync);
        try
        {
            foreach (var e in past) run.Apply(e, isNew: false);

            context.Replaying = false;
            var started = new HistoryEvent { Type = HistoryEventType.OrchestratorStarted, Timestamp = now };
            result.NewEvents.Add(started);
            run.Apply(started, isNew: true);
            foreach (var e in newEvents)
            {
                result.NewEvents.Add(e);
                run.Apply(e, isNew: true);
            }
            run.Finish(now);
        }
        catch (NonDeterminismException ex)
        {
            result.NewActions.Clear();
            result.NonDeterministic = true;
            run.Complete(OrchestrationRuntimeStatus.Failed, null, new FailureDetails(typeof(NonDeterminismException).FullName!, ex.Message), now);
            result.NewEvents.Add(new HistoryEvent
            {
                Type = HistoryEventType.ExecutionCompleted,
                Timestamp = now,
                Status = result.Status,
                Failure = result.Failure,
            });
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        return result;
    }

    private sealed class Run(ReplayOrchestrationContext context, ReplaySynchronizationContext sync, EpisodeResult result, IOrchestratorCatalog catalog)
    {
        private Task<string?>? _orchestrator;
        private bool _done;
        private bool _suspended;
        private readonly List<HistoryEvent> _heldWhileSuspended = [];

        public void Apply(HistoryEvent e, bool isNew)
        {
            if (_done && !isNew) return;
            if (_suspended && e.Type is not (HistoryEventType.ExecutionResumed or HistoryEventType.ExecutionTerminated
                    or HistoryEventType.OrchestratorStarted or HistoryEventType.ExecutionSuspended
                    or HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated or HistoryEventType.SubOrchestrationCreated))
            {
                _heldWhileSuspended.Add(e);
                return;
            }

            switch (e.Type)
            {
                case HistoryEventType.ExecutionStarted:
                    context.StartedEvent = e;
                    context.SetInput(e.Input);
                    if (!isNew) context.Now = e.Timestamp;
                    Start(e);
                    break;
                case HistoryEventType.OrchestratorStarted:
                    context.Now = e.Timestamp;
                    break;
                case HistoryEventType.TaskScheduled:
                case HistoryEventType.TimerCreated:
                case HistoryEventType.SubOrchestrationCreated:
                    Match(e);
                    break;
                case HistoryEventType.TaskCompleted:
                case HistoryEventType.SubOrchestrationCompleted:
                    context.TryCompleteTask(e.TaskId, e.Result, null, cancelledOk: true);
                    Drain();
                    break;
                case HistoryEventType.TaskFailed:
                case HistoryEventType.SubOrchestrationFailed:
                    context.TryCompleteTask(e.TaskId, null, e.Failure ?? new FailureDetails("Unknown", "Task failed"), cancelledOk: true);
                    Drain();
                    break;
                case HistoryEventType.TimerFired:
                    context.TryCompleteTask(e.TaskId, null, null, cancelledOk: true);
                    Drain();
                    break;
                case HistoryEventType.EventRaised:
                    context.DeliverEvent(e);
                    Drain();
                    break;
                case HistoryEventType.ExecutionSuspended:
                    _suspended = true;
                    if (isNew && !_done) result.Status = OrchestrationRuntimeStatus.Suspended;
                    break;
                case HistoryEventType.ExecutionResumed:
                    _suspended = false;
                    if (isNew && !_done) result.Status = OrchestrationRuntimeStatus.Running;
                    var held = _heldWhileSuspended.ToList();
                    _heldWhileSuspended.Clear();
                    foreach (var h in held) Apply(h, isNew);
                    break;
                case HistoryEventType.ExecutionTerminated:
                    if (!_done) Complete(OrchestrationRuntimeStatus.Terminated, e.Result, null, context.Now);
                    break;
                case HistoryEventType.ExecutionCompleted:
                    _done = true;
                    break;
            }
        }

        private void Start(HistoryEvent started)
        {
            var definition = catalog.Find(started.Name ?? string.Empty, started.Version);
            if (definition is null)
            {
                Complete(OrchestrationRuntimeStatus.Failed, null, new FailureDetails("OrchestratorNotRegistered",
                    $"Orchestrator '{started.Name}' version '{started.Version}' is not registered in this worker."), context.Now);
                return;
            }
            try
            {
                _orchestrator = definition.Run(context, started.Input);
            }
            catch (Exception ex) when (ex is not NonDeterminismException)
            {
                _orchestrator = Task.FromException<string?>(ex);
            }
            Drain();
        }

        private void Match(HistoryEvent recorded)
        {
            if (!context.Unmatched.Remove(recorded.TaskId, out var emitted))
            {
                throw new NonDeterminismException(
                    $"Non-deterministic orchestrator '{context.Name}': history has {Describe(recorded)} at task #{recorded.TaskId}, " +
                    $"but the code did not schedule it (it is now waiting elsewhere or has finished).");
            }
            if (emitted.Type != recorded.Type || !string.Equals(emitted.Name, recorded.Name, StringComparison.Ordinal))
            {
                throw new NonDeterminismException(
                    $"Non-deterministic orchestrator '{context.Name}': history has {Describe(recorded)} at task #{recorded.TaskId}, " +
                    $"but the code now schedules {Describe(emitted)}.");
            }
        }

        private static string Describe(HistoryEvent e) => e.Type switch
        {
            HistoryEventType.TaskScheduled => $"activity '{e.Name}'",
            HistoryEventType.TimerCreated => "a timer",
            HistoryEventType.SubOrchestrationCreated => $"sub-orchestration '{e.Name}'",
            _ => e.Type.ToString(),
        };

        private void Drain()
        {
            sync.RunUntilIdle();
            if (_done || _orchestrator is null || !_orchestrator.IsCompleted) return;
            if (context.ContinueAsNewRequested && _orchestrator.IsCompletedSuccessfully)
            {
                _done = true;
                result.Status = OrchestrationRuntimeStatus.ContinuedAsNew;
                result.ContinueAsNewInput = context.ContinueAsNewInput;
                return;
            }
            if (_orchestrator.IsCompletedSuccessfully)
            {
                _done = true;
                result.Status = OrchestrationRuntimeStatus.Completed;
                result.Output = _orchestrator.Result;
            }
            else
            {
                var ex = _orchestrator.Exception?.InnerException ?? new TaskCanceledException("The orchestrator was cancelled.");
                if (ex is NonDeterminismException nd) throw nd;
                _done = true;
                result.Status = OrchestrationRuntimeStatus.Failed;
                result.Failure = FailureDetails.FromException(ex);
            }
        }

        public void Complete(OrchestrationRuntimeStatus status, string? output, FailureDetails? failure, DateTime now)
        {
            _done = true;
            result.Status = status;
            result.Output = output;
            result.Failure = failure;
            _ = now;
        }

        public void Finish(DateTime now)
        {
            result.CustomStatus = context.CustomStatus;
            if (!_done && !_suspended && _orchestrator is { IsCompleted: false } && !context.HasDurableWork)
            {
                // Nothing in history can ever wake it: it awaits a non-durable task. Fail loudly rather than hang.
                Complete(OrchestrationRuntimeStatus.Failed, null, new FailureDetails("NonDurableAwait",
                    $"Orchestrator '{context.Name}' is waiting on a task that is not durable (e.g. Task.Delay, Task.Run, " +
                    "CancellationTokenSource.CancelAsync or I/O). Orchestrators may only await tasks from their context."), now);
                context.Unmatched.Clear();
            }
            if (_suspended && !_done) result.Status = OrchestrationRuntimeStatus.Suspended;
            if (result.Status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended
                || result.Status == OrchestrationRuntimeStatus.ContinuedAsNew)
            {
                foreach (var action in context.Unmatched.OrderBy(p => p.Key).Select(p => p.Value))
                {
                    result.NewActions.Add(action);
                    result.NewEvents.Add(action);
                }
            }
            if (result.Status == OrchestrationRuntimeStatus.ContinuedAsNew)
            {
                // Only actions that outlive the execution are sub-orchestration starts; activities and timers
                // of a continued execution are abandoned (their results will be dropped by execution id).
                result.NewActions.RemoveAll(a => a.Type != HistoryEventType.SubOrchestrationCreated);
                if (context.PreserveUnprocessedEvents)
                {
                    result.CarriedEvents.AddRange(context.BufferedEvents);
                    result.CarriedEvents.AddRange(_heldWhileSuspended.Where(e => e.Type == HistoryEventType.EventRaised));
                }
            }
            if (result.Status is not (OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended))
            {
                result.NewEvents.Add(new HistoryEvent
                {
                    Type = HistoryEventType.ExecutionCompleted,
                    Timestamp = now,
                    Status = result.Status,
                    Result = result.Output,
                    Failure = result.Failure,
                });
            }
        }
    }
}
