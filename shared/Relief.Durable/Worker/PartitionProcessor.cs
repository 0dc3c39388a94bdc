using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues.Models;
using Relief.Durable.Core;
using Relief.Durable.Storage;

namespace Relief.Durable.Worker;

/// <summary>
/// Runs one owned partition: polls its control queue, fires its durable timers against the engine
/// clock, and runs each instance's episodes one at a time through its session (sessions keep history
/// cached between episodes). Quarantines poison messages.
/// </summary>
internal sealed class PartitionProcessor
{
    private const int MaxBufferedItems = 2000;
    private readonly WorkerServices w;
    private readonly PartitionLeaseManager _leases;
    private readonly EpisodeRunner _runner;
    private readonly ConcurrentDictionary<string, InstanceSession> _sessions = new(StringComparer.Ordinal);
    private readonly SortedSet<DurableTimer> _timers = new(Comparer<DurableTimer>.Create((a, b) =>
    {
        var c = a.FireAt.CompareTo(b.FireAt);
        return c != 0 ? c : string.CompareOrdinal(a.RowKey, b.RowKey);
    }));
    private readonly object _timerGate = new();
    private readonly CancellationTokenSource _cts;
    private Task _loop = Task.CompletedTask;
    private int _running;
    private int _buffered;
    private long _useCounter;
    private long _episodesSinceEviction;
    private volatile bool _stopped;

    public PartitionProcessor(WorkerServices services, PartitionLeaseManager leases, int partition)
    {
        w = services;
        _leases = leases;
        Partition = partition;
        _runner = new EpisodeRunner(services);
        _cts = CancellationTokenSource.CreateLinkedTokenSource(services.Stopping);
    }

    public int Partition { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var timer in await w.Timers.LoadAsync(Partition, cancellationToken).ConfigureAwait(false)) AddTimer(timer);
        foreach (var row in await w.Index.ActiveInPartitionAsync(Partition, cancellationToken).ConfigureAwait(false))
            await RecoverAsync(row, cancellationToken).ConfigureAwait(false);
        _loop = Task.Run(() => PollLoopAsync(_cts.Token), CancellationToken.None);
    }

    /// <summary>
    /// Loads an instance from its index row (takeover, or a start found stale by <see cref="PendingStartSweeper"/>):
    /// repairs the index, re-dispatches unfinished in-process activities, and starts a Pending instance whose
    /// start never arrived.
    /// </summary>
    public async Task RecoverAsync(Azure.Data.Tables.TableEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (_stopped) return;
        var pending = row.GetString("RuntimeStatus") == nameof(OrchestrationRuntimeStatus.Pending);
        Enqueue(row.PartitionKey, new RecoverWorkItem("recover-" + row.PartitionKey,
            pending ? row.GetString("Name") : null, pending ? row.GetString("Version") : null,
            pending ? row.GetString("ExecutionId") : null,
            pending ? await w.Storage.LoadLargeAsync(row.GetString("Input"), cancellationToken).ConfigureAwait(false) : null,
            row.GetDateTimeOffset("CreatedAt") ?? w.Time.GetUtcNow()));
    }

    /// <summary>Stops polling, waits for running episodes, and makes held messages visible again for the next owner.</summary>
    public Task StopAsync()
    {
        lock (_timerGate) return _stopTask ??= StopCoreAsync();
    }

    private Task? _stopTask;

    private async Task StopCoreAsync()
    {
        _stopped = true;
        await _cts.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected.
        }
        while (Volatile.Read(ref _running) > 0) await Task.Delay(TimeSpan.FromMilliseconds(20), w.Clock.Time, CancellationToken.None).ConfigureAwait(false);
        var held = new List<QueueWorkItem>();
        foreach (var session in _sessions.Values)
        {
            lock (session.Gate) held.AddRange(session.Mailbox.Concat(session.Deferred).OfType<QueueWorkItem>());
        }
        var queue = w.Storage.ControlQueues[Partition];
        await Task.WhenAll(held.Select(async item =>
        {
            try
            {
                await queue.UpdateMessageAsync(item.Raw.MessageId, item.Raw.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // It will reappear when its visibility lapses.
            }
        })).ConfigureAwait(false);
        _cts.Dispose();
    }

    /// <summary>
    /// Hands a client's start to the instance's session without a control-queue message. The index row the
    /// client wrote first is the durable record: if this process stops or dies before the first commit, the
    /// next owner restarts the instance from it. False when the partition is not usable here or is backlogged.
    /// </summary>
    public bool TryStartLocal(string instanceId, HistoryEvent start)
    {
        if (_stopped || !_leases.IsOwned(Partition) || Volatile.Read(ref _buffered) > MaxBufferedItems) return false;
        Enqueue(instanceId, new LocalWorkItem("start-" + start.ExecutionId, start.ExecutionId, start, null));
        return true;
    }

    /// <summary>Hands an in-process activity result to the instance's session.</summary>
    public bool TryDeliverLocal(string instanceId, string? executionId, HistoryEvent result)
    {
        if (_stopped || !_leases.IsOwned(Partition)) return false;
        Enqueue(instanceId, new LocalWorkItem($"r-{executionId}-{result.TaskId}", executionId, result, null));
        return true;
    }

    private async Task PollLoopAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.Zero;
        var queue = w.Storage.ControlQueues[Partition];
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!_leases.IsOwned(Partition))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), w.Clock.Time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                FireDueTimers();
                if (Volatile.Read(ref _buffered) > MaxBufferedItems)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(20), w.Clock.Time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                QueueMessage[] messages = (await queue.ReceiveMessagesAsync(32, w.Options.MessageVisibilityTimeout, cancellationToken).ConfigureAwait(false)).Value;
                foreach (var raw in messages) await AcceptAsync(raw, cancellationToken).ConfigureAwait(false);
                delay = messages.Length > 0 ? TimeSpan.Zero : NextDelay(delay);
                if (delay > TimeSpan.Zero) await Task.Delay(delay, w.Clock.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException)
            {
                Logs.PartitionLoopFailed(w.Logger, ex, Partition);
                await Task.Delay(TimeSpan.FromSeconds(1), w.Clock.Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan NextDelay(TimeSpan delay)
    {
        var next = delay == TimeSpan.Zero ? TimeSpan.FromMilliseconds(50) : delay * 2;
        return next > w.Options.MaxPollingInterval ? w.Options.MaxPollingInterval : next;
    }

    private async Task AcceptAsync(QueueMessage raw, CancellationToken cancellationToken)
    {
        TaskMessage message;
        try
        {
            message = await w.Storage.DecodeAsync(raw, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or RequestFailedException { Status: 404 })
        {
            await QuarantineAsync(raw, "undecodable message: " + ex.Message, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (raw.DequeueCount > w.Options.MaxDequeueCount)
        {
            await QuarantineAsync(raw, $"delivered {raw.DequeueCount} times without being processed (last event {message.Event?.Type} for '{message.InstanceId}')", cancellationToken).ConfigureAwait(false);
            return;
        }
        if (w.Storage.PartitionOf(message.InstanceId) != Partition)
        {
            await QuarantineAsync(raw, $"instance '{message.InstanceId}' does not belong to partition {Partition}", cancellationToken).ConfigureAwait(false);
            return;
        }
        Enqueue(message.InstanceId, new QueueWorkItem(raw, message));
    }

    private async Task QuarantineAsync(QueueMessage raw, string reason, CancellationToken cancellationToken)
    {
        var queue = w.Storage.ControlQueues[Partition];
        Logs.MessageQuarantined(w.Logger, raw.MessageId, queue.Name, reason);
        await w.Quarantine.AddAsync(queue.Name, raw.MessageId, reason, raw.DequeueCount, raw.Body.ToString(), w.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await queue.DeleteMessageAsync(raw.MessageId, raw.PopReceipt, cancellationToken).ConfigureAwait(false);
    }

    private async Task CleanUpAsync(string instanceId, EpisodeOutcome outcome)
    {
        try
        {
            foreach (var timer in outcome.ObsoleteTimers)
            {
                bool removed;
                lock (_timerGate) removed = _timers.Remove(timer);
                if (removed) await w.Timers.DeleteAsync(timer, CancellationToken.None).ConfigureAwait(false);
            }
            if (outcome.PurgeGenerationsBefore >= 0)
                await w.History.DeleteGenerationsBeforeAsync(instanceId, outcome.PurgeGenerationsBefore, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            Logs.BackgroundStorageFailed(w.Logger, ex, "clean-up of timers and old generations");
        }
    }

    private void AddTimer(DurableTimer timer)
    {
        lock (_timerGate) _timers.Add(timer);
    }

    private void FireDueTimers()
    {
        var now = w.Time.GetUtcNow().UtcDateTime;
        List<DurableTimer> due = [];
        lock (_timerGate)
        {
            while (_timers.Min is { } first && first.FireAt <= now)
            {
                _timers.Remove(first);
                due.Add(first);
            }
        }
        foreach (var timer in due)
        {
            Enqueue(timer.InstanceId, new LocalWorkItem("t-" + timer.RowKey, timer.ExecutionId,
                new HistoryEvent { Type = HistoryEventType.TimerFired, TaskId = timer.TaskId, FireAt = timer.FireAt, Timestamp = now }, timer));
        }
    }

    private void Enqueue(string instanceId, WorkItem item)
    {
        while (true)
        {
            var session = _sessions.GetOrAdd(instanceId, id => new InstanceSession(id, Partition));
            bool start;
            lock (session.Gate)
            {
                if (session.Removed) continue;
                var deferred = session.Deferred.FindIndex(m => m.MessageId == item.MessageId);
                if (deferred >= 0) session.Deferred.RemoveAt(deferred);
                var index = session.Mailbox.FindIndex(m => m.MessageId == item.MessageId);
                if (index >= 0) session.Mailbox[index] = item;
                else
                {
                    session.Mailbox.Add(item);
                    if (deferred < 0) Interlocked.Increment(ref _buffered);
                }
                start = !session.Running;
                if (start) session.Running = true;
            }
            if (start) _ = Task.Run(() => RunSessionAsync(session), CancellationToken.None);
            return;
        }
    }

    private async Task RunSessionAsync(InstanceSession session)
    {
        Interlocked.Increment(ref _running);
        var token = _cts.Token;
        try
        {
            while (true)
            {
                List<WorkItem> items;
                var fenced = false;
                lock (session.Gate)
                {
                    if (session.Mailbox.Count == 0 || _stopped)
                    {
                        session.Running = false;
                        return;
                    }
                    if (!_leases.IsOwned(Partition))
                    {
                        fenced = true;
                        items = [];
                    }
                    else
                    {
                        items = session.Mailbox.ToList();
                        session.Mailbox.Clear();
                    }
                }
                if (fenced)
                {
                    // The lease was not renewed in time (e.g. a stalled process): wait until it is renewed, or until
                    // the partition is stopped because it was lost. Leaving would strand the mailbox.
                    try
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(100), w.Clock.Time, token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        lock (session.Gate) session.Running = false;
                        return;
                    }
                    continue;
                }
                try
                {
                    await w.EpisodeSlots.WaitAsync(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Requeue(session, items);
                    lock (session.Gate) session.Running = false;
                    return;
                }
                try
                {
                    session.LastUsed = Interlocked.Increment(ref _useCounter);
                    var outcome = await _runner.RunAsync(session, items, token).ConfigureAwait(false);
                    session.Failures = 0;
                    foreach (var timer in outcome.NewTimers) AddTimer(timer);
                    if (outcome.ObsoleteTimers.Count > 0 || outcome.PurgeGenerationsBefore >= 0) _ = CleanUpAsync(session.InstanceId, outcome);
                    var done = items.Count - outcome.Deferred.Count;
                    Interlocked.Add(ref _buffered, -done);
                    lock (session.Gate)
                    {
                        session.Deferred.AddRange(outcome.Deferred);
                        if (outcome.Committed && session.Deferred.Count > 0)
                        {
                            session.Mailbox.AddRange(session.Deferred);
                            session.Deferred.Clear();
                        }
                        if (outcome.Status.IsTerminal() && session.Mailbox.Count == 0 && session.Deferred.Count == 0)
                        {
                            session.Removed = true;
                            session.Running = false;
                            _sessions.TryRemove(new KeyValuePair<string, InstanceSession>(session.InstanceId, session));
                            return;
                        }
                    }
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    Requeue(session, items);
                    lock (session.Gate) session.Running = false;
                    return;
                }
#pragma warning disable CA1031 // Any failure of an episode is retried from storage; it must not kill the session loop.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    session.Cached = null;
                    if (ex is EpisodeConflictException { AssumedNew: true })
                    {
                        Requeue(session, items);
                        continue;
                    }
                    session.Failures++;
                    if (ex is EpisodeConflictException) Logs.CommitConflict(w.Logger, session.InstanceId, ex.InnerException?.Message.Split('\n')[0] ?? string.Empty);
                    else Logs.EpisodeFailed(w.Logger, ex, session.InstanceId);
                    if (session.Failures > w.Options.MaxDequeueCount)
                    {
                        await QuarantineItemsAsync(items, ex).ConfigureAwait(false);
                        session.Failures = 0;
                    }
                    else
                    {
                        Requeue(session, items);
                        try
                        {
                            await Task.Delay(TimeSpan.FromMilliseconds(200 * session.Failures), w.Clock.Time, token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException)
                        {
                            lock (session.Gate) session.Running = false;
                            return;
                        }
                    }
                }
                finally
                {
                    w.EpisodeSlots.Release();
                }
                EvictIfNeeded();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static void Requeue(InstanceSession session, List<WorkItem> items)
    {
        lock (session.Gate) session.Mailbox.InsertRange(0, items.Where(i => !session.Mailbox.Any(m => m.MessageId == i.MessageId)));
    }

    private async Task QuarantineItemsAsync(List<WorkItem> items, Exception ex)
    {
        Interlocked.Add(ref _buffered, -items.Count);
        foreach (var item in items.OfType<QueueWorkItem>())
        {
            try
            {
                await QuarantineAsync(item.Raw, $"episode failed repeatedly: {ex.GetType().Name}: {ex.Message}", CancellationToken.None).ConfigureAwait(false);
            }
            catch (RequestFailedException inner)
            {
                Logs.BackgroundStorageFailed(w.Logger, inner, "quarantine");
            }
        }
    }

    private void EvictIfNeeded()
    {
        // Cheap most of the time: scan only every 64 episodes.
        if (Interlocked.Increment(ref _episodesSinceEviction) % 64 != 0) return;
        foreach (var idle in _sessions.Values.Where(s => s.Cached is null))
        {
            lock (idle.Gate)
            {
                if (idle.Running || idle.Mailbox.Count > 0 || idle.Deferred.Count > 0) continue;
                idle.Removed = true;
                _sessions.TryRemove(new KeyValuePair<string, InstanceSession>(idle.InstanceId, idle));
            }
        }
        var cached = _sessions.Values.Where(s => s.Cached is not null).ToList();
        var excess = cached.Count - Math.Max(1, w.Options.InstanceCacheSize / Math.Max(1, w.Options.PartitionCount));
        if (excess <= 0) return;
        foreach (var session in cached.OrderBy(s => s.LastUsed).Take(excess))
        {
            lock (session.Gate)
            {
                if (!session.Running) session.Cached = null;
            }
        }
    }
}
