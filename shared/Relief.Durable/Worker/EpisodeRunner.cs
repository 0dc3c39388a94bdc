using Azure;
using Microsoft.Extensions.Logging;
using Relief.Durable.Core;
using Relief.Durable.Storage;

namespace Relief.Durable.Worker;

/// <summary>
/// Runs one episode of one instance: de-duplicates the delivered messages, replays, and checkpoints in
/// the order that makes a crash anywhere safe: (1) enqueue outbound messages and write timer rows,
/// (2) commit history + state row in one transaction (the commit point; an ETag conflict aborts),
/// (3) update the query index, hand in-process activities and timers to the dispatcher, (4) delete
/// the consumed messages. Before (2) a crash re-runs the episode; after it the redelivered messages
/// are recognised as consumed and dropped.
/// </summary>
internal sealed class EpisodeRunner(WorkerServices w)
{
    private const int MaxGenerationsPerEpisode = 20;

    public async Task<EpisodeOutcome> RunAsync(InstanceSession session, List<WorkItem> items, CancellationToken cancellationToken)
    {
        var outcome = new EpisodeOutcome();
        var id = session.InstanceId;
        var started = w.Clock.Time.GetUtcNow();
        var state = session.Cached;
        var cold = state is null;
        var wasCached = state is not null;
        if (state is null)
        {
            // A brand-new instance needs no read: its first commit inserts the state row, and if the row
            // exists after all (a redelivered start), the insert conflicts and the episode reloads.
            var freshStart = session.FirstLoad && items.All(i => i is QueueWorkItem { Message.Event.Type: HistoryEventType.ExecutionStarted }
                or LocalWorkItem { Event.Type: HistoryEventType.ExecutionStarted });
            state = freshStart ? new InstanceState(id) : await w.History.LoadAsync(id, cancellationToken).ConfigureAwait(false);
            cold = !freshStart;
        }
        session.FirstLoad = false;
        var statusBefore = state.Status;
        var customBefore = state.CustomStatus;
        var wasPending = statusBefore == OrchestrationRuntimeStatus.Pending;
        var generationBefore = state.Generation;

        var accepted = new List<HistoryEvent>();
        var consumed = new List<WorkItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var recovering = items.OfType<RecoverWorkItem>().FirstOrDefault();
        var rejections = new List<Task>();

        foreach (var item in items)
        {
            if (item is RecoverWorkItem) continue;
            var (e, executionId) = item switch
            {
                QueueWorkItem q => (q.Message.Event!.Clone(), q.Message.ExecutionId),
                LocalWorkItem l => (l.Event.Clone(), l.ExecutionId),
                _ => throw new InvalidOperationException("Unknown work item."),
            };
            e.MessageId = item.MessageId;
            var verdict = Classify(state, e, executionId, accepted, seen);
            switch (verdict)
            {
                case Verdict.Accept:
                    accepted.Add(e);
                    consumed.Add(item);
                    seen.Add(item.MessageId);
                    break;
                case Verdict.Defer:
                    outcome.Deferred.Add(item);
                    break;
                default:
                    Logs.MessageDropped(w.Logger, item.MessageId, id, verdict.ToString());
                    consumed.Add(item);
                    if (verdict == Verdict.AlreadyStarted && e.Parent is { } parentOfDuplicate && state.Exists
                        && !string.Equals(state.ExecutionId, e.ExecutionId, StringComparison.Ordinal))
                    {
                        // A parent asked for a child id that another instance already uses: tell the parent, or it waits forever.
                        rejections.Add(w.Storage.SendAsync(w.Storage.ControlQueueFor(parentOfDuplicate.InstanceId), new TaskMessage
                        {
                            Id = "rejected-" + item.MessageId,
                            InstanceId = parentOfDuplicate.InstanceId,
                            ExecutionId = parentOfDuplicate.ExecutionId,
                            Event = new HistoryEvent
                            {
                                Type = HistoryEventType.SubOrchestrationFailed, TaskId = parentOfDuplicate.TaskId, Name = parentOfDuplicate.Name,
                                Failure = new FailureDetails(typeof(InstanceAlreadyExistsException).FullName!, new InstanceAlreadyExistsException(id).Message),
                                Timestamp = w.Time.GetUtcNow().UtcDateTime,
                            },
                        }, cancellationToken));
                    }
                    break;
            }
        }

        // A start whose message was lost (client crashed between index insert and enqueue): recreate it.
        if (recovering is { PendingName: not null } r && !state.Exists && !accepted.Any(e => e.Type == HistoryEventType.ExecutionStarted))
        {
            Logs.StartRecovered(w.Logger, id);
            accepted.Insert(0, new HistoryEvent
            {
                Type = HistoryEventType.ExecutionStarted, Name = r.PendingName, Version = r.PendingVersion,
                ExecutionId = r.PendingExecutionId, Input = r.PendingInput, Timestamp = r.CreatedAt.UtcDateTime, MessageId = "start-" + r.PendingExecutionId,
            });
        }

        if (cold && state.Exists)
        {
            await RepairAsync(state, cancellationToken).ConfigureAwait(false);
        }
        else if (recovering is not null && state.Exists)
        {
            // Cached and running here, but its index row still said Pending (it was found stale): correct it,
            // so that it is not found again.
            await RepairIndexAsync(state, cancellationToken).ConfigureAwait(false);
        }

        await Task.WhenAll(rejections).ConfigureAwait(false);
        if (accepted.Count == 0)
        {
            session.Cached = state.Status.IsTerminal() ? null : state;
            await DeleteAsync(consumed, cancellationToken).ConfigureAwait(false);
            outcome.Status = state.Status;
            Observe(id, session.Partition, started, committed: false, state.Status);
            return outcome;
        }

        // The start event goes first; resolve the version now so it is recorded at start.
        var startIndex = accepted.FindIndex(e => e.Type == HistoryEventType.ExecutionStarted);
        if (startIndex > 0)
        {
            var start = accepted[startIndex];
            accepted.RemoveAt(startIndex);
            accepted.Insert(0, start);
        }
        if (startIndex >= 0)
        {
            var start = accepted[0];
            start.Version ??= w.Registry.Find(start.Name ?? string.Empty, null)?.Version ?? string.Empty;
            state.Name = start.Name;
            state.Version = start.Version;
            state.ExecutionId = start.ExecutionId;
            state.Input = start.Input;
            state.Parent = start.Parent;
            state.CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(start.Timestamp, DateTimeKind.Utc));
        }

        var now = w.Time.GetUtcNow().UtcDateTime;
        var rows = new List<(int, int, IReadOnlyList<HistoryEvent>)>();
        var outbound = new List<Task>();
        var newTimers = new List<DurableTimer>();
        var localActivities = new List<(string ExecutionId, HistoryEvent Scheduled)>();

        var result = w.Executor.Execute(id, state.History, accepted, now);
        state.Episode++;
        rows.Add((state.Generation, state.Episode, result.NewEvents));
        state.Append(result.NewEvents);
        while (result.Status == OrchestrationRuntimeStatus.ContinuedAsNew)
        {
            if (rows.Count > MaxGenerationsPerEpisode)
            {
                // Restarting again and again without waiting for anything durable would never end (and one
                // commit holds at most 100 rows): fail loudly.
                result = new EpisodeResult
                {
                    Status = OrchestrationRuntimeStatus.Failed,
                    Failure = new FailureDetails("ContinueAsNewLoop",
                        $"Orchestrator '{state.Name}' continued as new {MaxGenerationsPerEpisode} times in one episode without awaiting durable work."),
                };
                result.NewEvents.Add(new HistoryEvent { Type = HistoryEventType.ExecutionCompleted, Timestamp = now, Status = result.Status, Failure = result.Failure });
                rows[^1] = (rows[^1].Item1, rows[^1].Item2, rows[^1].Item3.Concat(result.NewEvents).ToList());
                state.Append(result.NewEvents);
                break;
            }
            PlanActions(state, result, outbound, newTimers, localActivities, cancellationToken);
            state.ResetForNewGeneration();
            state.ExecutionId = w.Ids.NewId();
            state.Input = result.ContinueAsNewInput;
            var restart = new List<HistoryEvent>
            {
                new()
                {
                    Type = HistoryEventType.ExecutionStarted, Name = state.Name, Version = state.Version, Input = state.Input,
                    ExecutionId = state.ExecutionId, Parent = state.Parent, Timestamp = now,
                },
            };
            restart.AddRange(result.CarriedEvents);
            result = w.Executor.Execute(id, [], restart, now);
            state.Episode++;
            rows.Add((state.Generation, state.Episode, result.NewEvents));
            state.Append(result.NewEvents);
        }
        PlanActions(state, result, outbound, newTimers, localActivities, cancellationToken);
        if (result.NonDeterministic) Logs.NonDeterministic(w.Logger, id, result.Failure?.ErrorMessage ?? string.Empty);

        state.Status = result.Status;
        state.Output = result.Output;
        state.Failure = result.Failure;
        state.CustomStatus = result.CustomStatus;
        state.LastUpdatedAt = w.Time.GetUtcNow();

        if (state.Status.IsTerminal() && state.Parent is { } parent)
        {
            outbound.Add(w.Storage.SendAsync(w.Storage.ControlQueueFor(parent.InstanceId), new TaskMessage
            {
                Id = w.Ids.NewId(),
                InstanceId = parent.InstanceId,
                ExecutionId = parent.ExecutionId,
                Event = new HistoryEvent
                {
                    Type = state.Status == OrchestrationRuntimeStatus.Completed ? HistoryEventType.SubOrchestrationCompleted : HistoryEventType.SubOrchestrationFailed,
                    TaskId = parent.TaskId,
                    Name = parent.Name,
                    Result = state.Output,
                    Failure = state.Status == OrchestrationRuntimeStatus.Completed ? null
                        : state.Failure ?? new FailureDetails("Terminated", $"Sub-orchestration '{id}' was {state.Status}: {state.Output}"),
                    Timestamp = now,
                },
            }, cancellationToken));
        }

        if (state.Status == OrchestrationRuntimeStatus.Terminated && !statusBefore.IsTerminal())
        {
            // Terminating an instance terminates the sub-orchestrations it started and that are still running
            // (each does the same for its own): otherwise they would run on, and report to a finished parent.
            foreach (var child in state.Scheduled.Values.Where(e => e.Type == HistoryEventType.SubOrchestrationCreated && !state.Finished.Contains(e.TaskId)))
            {
                outbound.Add(w.Storage.SendAsync(w.Storage.ControlQueueFor(child.InstanceId!), new TaskMessage
                {
                    Id = $"terminate-{state.ExecutionId}-{child.TaskId}",
                    InstanceId = child.InstanceId!,
                    Event = new HistoryEvent { Type = HistoryEventType.ExecutionTerminated, Result = state.Output, Timestamp = now },
                }, cancellationToken));
            }
        }

        // (1) Outbound first.
        await Task.WhenAll(outbound).ConfigureAwait(false);
        if (outbound.Count > 0) FaultInjection.Hit(FaultInjection.AfterEnqueue, LogFault);

        // (2) The commit point.
        try
        {
            await w.History.CommitAsync(state, rows, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (DurableStorage.IsConflict(ex))
        {
            ReleaseReservations(localActivities);
            throw new EpisodeConflictException(id, ex) { AssumedNew = !cold && !wasCached };
        }
        catch
        {
            ReleaseReservations(localActivities);
            throw;
        }
        outcome.Committed = true;
        outcome.ScheduledSomething = result.NewActions.Count > 0;
        FaultInjection.Hit(FaultInjection.AfterCommit, LogFault);

        // (3) After the commit: index, in-process activities, timers.
        // Pending -> Running is not indexed (queries confirm Pending rows against the state row): one
        // write saved per instance. Terminal, suspended and custom-status changes are indexed.
        // Sub-orchestrations have no client-written row: index them at their first commit so that crash
        // recovery (which scans the index of an acquired partition) can find them.
        if ((state.Status != statusBefore && !(wasPending && state.Status == OrchestrationRuntimeStatus.Running))
            || state.CustomStatus != customBefore
            || (wasPending && state.Parent is not null))
        {
            try
            {
                // The client wrote the row of a top-level instance before starting it; a sub-orchestration's row is created here.
                if (wasPending && state.Parent is not null) await w.Index.UpsertFromStateAsync(state, cancellationToken).ConfigureAwait(false);
                else await w.Index.ReplaceFromStateAsync(state, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex)
            {
                Logs.BackgroundStorageFailed(w.Logger, ex, "index update (repaired on next load)");
            }
        }
        foreach (var (executionId, scheduled) in localActivities) w.Dispatcher.RunLocal(id, executionId, scheduled, w.Stopping);
        foreach (var timer in newTimers) outcome.NewTimers.Add(timer);

        if (state.Status.IsTerminal())
        {
            // Timers that can no longer matter (e.g. the deadline after an approval won the race).
            foreach (var timer in state.Scheduled.Values.Where(e => e.Type == HistoryEventType.TimerCreated && !state.Finished.Contains(e.TaskId)))
                outcome.ObsoleteTimers.Add(new DurableTimer(session.Partition, id, state.ExecutionId ?? string.Empty, timer.TaskId, timer.FireAt ?? default));
        }
        if (generationBefore != state.Generation && state.Generation >= 2)
        {
            // Keep the previous generation (its message ids still de-duplicate late redeliveries); drop older ones.
            outcome.PurgeGenerationsBefore = state.Generation - 1;
        }

        FaultInjection.Hit(FaultInjection.BeforeDelete, LogFault);
        // (4) Consumed messages.
        await DeleteAsync(consumed, cancellationToken).ConfigureAwait(false);

        session.Cached = state.Status.IsTerminal() ? null : state;
        outcome.Status = state.Status;
        Observe(id, session.Partition, started, committed: true, state.Status);
        return outcome;
    }

    private void Observe(string id, int partition, DateTimeOffset started, bool committed, OrchestrationRuntimeStatus status) =>
        w.Observer?.OnEpisode(new EpisodeRecord(w.HostId, id, partition, started, w.Clock.Time.GetUtcNow(), committed, status));

    private void LogFault(string point, int hit) => Logs.FaultInjected(w.Logger, point, hit);

    private void ReleaseReservations(List<(string ExecutionId, HistoryEvent Scheduled)> localActivities)
    {
        foreach (var _ in localActivities) w.Dispatcher.CancelReservation();
    }

    private void PlanActions(InstanceState state, EpisodeResult result, List<Task> outbound, List<DurableTimer> timers,
        List<(string, HistoryEvent)> local, CancellationToken cancellationToken)
    {
        var id = state.InstanceId;
        var executionId = state.ExecutionId ?? string.Empty;
        foreach (var action in result.NewActions)
        {
            switch (action.Type)
            {
                case HistoryEventType.TaskScheduled:
                    if (w.Options.LocalActivityBacklog > 0 && w.Dispatcher.TryReserveLocal())
                    {
                        action.Local = true;
                        local.Add((executionId, action));
                    }
                    else
                    {
                        outbound.Add(w.Storage.SendAsync(w.Storage.WorkItems, new TaskMessage
                        {
                            Id = w.Ids.NewId(), InstanceId = id, ExecutionId = executionId, Event = action,
                        }, cancellationToken));
                    }
                    break;
                case HistoryEventType.TimerCreated:
                    var timer = new DurableTimer(w.Storage.PartitionOf(id), id, executionId, action.TaskId, action.FireAt ?? default);
                    timers.Add(timer);
                    outbound.Add(w.Timers.UpsertAsync(timer, cancellationToken));
                    break;
                case HistoryEventType.SubOrchestrationCreated:
                    var childId = action.InstanceId!;
                    outbound.Add(w.Storage.SendAsync(w.Storage.ControlQueueFor(childId), new TaskMessage
                    {
                        Id = DeterministicGuid.Create($"{id}|{executionId}|{action.TaskId}").ToString("N"),
                        InstanceId = childId,
                        ExecutionId = DeterministicGuid.Create($"{id}|{executionId}|{action.TaskId}|x").ToString("N"),
                        Event = new HistoryEvent
                        {
                            Type = HistoryEventType.ExecutionStarted, Name = action.Name, Version = action.Version, Input = action.Input,
                            ExecutionId = DeterministicGuid.Create($"{id}|{executionId}|{action.TaskId}|x").ToString("N"),
                            Parent = new ParentInstance(id, executionId, action.TaskId, action.Name ?? string.Empty),
                            Timestamp = action.Timestamp,
                        },
                    }, cancellationToken));
                    break;
            }
        }
    }

    private enum Verdict { Accept, Defer, Duplicate, OtherExecution, Finished, NotStarted, AlreadyStarted }

    private static Verdict Classify(InstanceState state, HistoryEvent e, string? executionId, List<HistoryEvent> accepted, HashSet<string> seen)
    {
        if (state.ConsumedMessages.Contains(e.MessageId!) || seen.Contains(e.MessageId!)) return Verdict.Duplicate;
        if (state.Status.IsTerminal()) return Verdict.Finished;
        var startedInBatch = accepted.Any(a => a.Type == HistoryEventType.ExecutionStarted);
        if (e.Type == HistoryEventType.ExecutionStarted)
            return state.Exists || startedInBatch ? Verdict.AlreadyStarted : Verdict.Accept;
        if (!state.Exists && !startedInBatch) return Verdict.Defer;
        var currentExecution = state.ExecutionId ?? accepted.First(a => a.Type == HistoryEventType.ExecutionStarted).ExecutionId;
        if (executionId is not null && !string.Equals(executionId, currentExecution, StringComparison.Ordinal)) return Verdict.OtherExecution;
        switch (e.Type)
        {
            case HistoryEventType.TaskCompleted:
            case HistoryEventType.TaskFailed:
            case HistoryEventType.TimerFired:
            case HistoryEventType.SubOrchestrationCompleted:
            case HistoryEventType.SubOrchestrationFailed:
                if (state.Finished.Contains(e.TaskId) || accepted.Any(a => a.TaskId == e.TaskId && a.Type == e.Type)) return Verdict.Duplicate;
                if (!state.Scheduled.ContainsKey(e.TaskId))
                {
                    // A timer that was never committed (its episode crashed) is an orphan: drop it; the replay re-creates it.
                    return e.Type == HistoryEventType.TimerFired ? Verdict.Duplicate : Verdict.Defer;
                }
                return Verdict.Accept;
            default:
                return Verdict.Accept;
        }
    }

    private async Task RepairIndexAsync(InstanceState state, CancellationToken cancellationToken)
    {
        // The state row is the truth; the index may be stale if a process died after a commit.
        try
        {
            await w.Index.UpsertFromStateAsync(state, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            Logs.BackgroundStorageFailed(w.Logger, ex, "index repair");
        }
    }

    private async Task RepairAsync(InstanceState state, CancellationToken cancellationToken)
    {
        await RepairIndexAsync(state, cancellationToken).ConfigureAwait(false);
        if (state.Status.IsTerminal() || state.ExecutionId is null) return;
        var count = 0;
        foreach (var scheduled in state.UnfinishedLocalActivities())
        {
            if (w.Dispatcher.IsInFlight(state.InstanceId, state.ExecutionId, scheduled.TaskId)) continue;
            if (w.Dispatcher.TryReserveLocal())
            {
                w.Dispatcher.RunLocal(state.InstanceId, state.ExecutionId, scheduled, w.Stopping);
            }
            else
            {
                await w.Storage.SendAsync(w.Storage.WorkItems, new TaskMessage
                {
                    Id = w.Ids.NewId(), InstanceId = state.InstanceId, ExecutionId = state.ExecutionId, Event = scheduled,
                }, cancellationToken).ConfigureAwait(false);
            }
            count++;
        }
        if (count > 0) Logs.ActivitiesRedispatched(w.Logger, count, state.InstanceId);
    }

    private async Task DeleteAsync(List<WorkItem> consumed, CancellationToken cancellationToken)
    {
        var deletes = new List<Task>();
        foreach (var item in consumed)
        {
            switch (item)
            {
                case QueueWorkItem q:
                    deletes.Add(DeleteMessageAsync(q, cancellationToken));
                    break;
                case LocalWorkItem { Timer: { } timer }:
                    deletes.Add(w.Timers.DeleteAsync(timer, cancellationToken));
                    break;
            }
        }
        await Task.WhenAll(deletes).ConfigureAwait(false);
    }

    private async Task DeleteMessageAsync(QueueWorkItem item, CancellationToken cancellationToken)
    {
        try
        {
            await w.Storage.ControlQueueFor(item.Message.InstanceId).DeleteMessageAsync(item.Raw.MessageId, item.Raw.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Its visibility lapsed and it was received again; the duplicate will be dropped.
        }
    }
}

/// <summary>The result of an episode for the session loop.</summary>
internal sealed class EpisodeOutcome
{
    public bool Committed { get; set; }
    public bool ScheduledSomething { get; set; }
    public OrchestrationRuntimeStatus Status { get; set; }
    public List<WorkItem> Deferred { get; } = [];
    public List<DurableTimer> NewTimers { get; } = [];
    public List<DurableTimer> ObsoleteTimers { get; } = [];
    public int PurgeGenerationsBefore { get; set; } = -1;
}

/// <summary>Another writer committed the instance first.</summary>
internal sealed class EpisodeConflictException(string instanceId, Exception inner)
    : Exception($"Commit conflict on instance '{instanceId}'.", inner)
{
    /// <summary>The episode skipped the read for a new instance that turned out to exist (a redelivered start): not a real conflict.</summary>
    public bool AssumedNew { get; init; }
}
