using System.Collections.Concurrent;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Relief.Durable.Core;
using Relief.Durable.Storage;

namespace Relief.Durable.Worker;

/// <summary>
/// Runs activities, at most <see cref="DurableTaskOptions.MaxConcurrentActivityFunctions"/> at once:
/// in-process ones handed over by the orchestration owner (no queue traffic) and ones received from
/// the shared work-item queue. Activities run at least once; a result is delivered to the owning
/// session in memory when this process owns the instance, else through its control queue.
/// </summary>
internal sealed class ActivityDispatcher
{
    private readonly IServiceProvider _services;
    private readonly DurableTaskRegistry _registry;
    private readonly DurableStorage _storage;
    private readonly DurableTaskOptions _options;
    private readonly TimeProvider _time;
    private readonly InfrastructureClock _clock;
    private readonly IIdSource _ids;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private int _localBacklog;

    public ActivityDispatcher(IServiceProvider services, DurableTaskRegistry registry, DurableStorage storage, DurableTaskOptions options,
        TimeProvider time, InfrastructureClock clock, IIdSource ids, ILogger logger)
    {
        _clock = clock;
        _services = services;
        _registry = registry;
        _storage = storage;
        _options = options;
        _time = time;
        _ids = ids;
        _logger = logger;
        _slots = new SemaphoreSlim(options.MaxConcurrentActivityFunctions, options.MaxConcurrentActivityFunctions);
    }

    /// <summary>Delivers a result to a locally owned session; returns false when the instance is not owned here.</summary>
    public Func<string, string?, HistoryEvent, bool>? DeliverLocal { get; set; }

    /// <summary>Free execution slots.</summary>
    public int FreeSlots => _slots.CurrentCount;

    /// <summary>Reserves room for one in-process activity; false when the local backlog is full.</summary>
    public bool TryReserveLocal()
    {
        if (Interlocked.Increment(ref _localBacklog) <= _options.LocalActivityBacklog) return true;
        Interlocked.Decrement(ref _localBacklog);
        return false;
    }

    /// <summary>Returns a reservation that was not used.</summary>
    public void CancelReservation() => Interlocked.Decrement(ref _localBacklog);

    /// <summary>True when the activity is already running here (not to be re-dispatched).</summary>
    public bool IsInFlight(string instanceId, string executionId, int taskId) => _inFlight.ContainsKey(Key(instanceId, executionId, taskId));

    /// <summary>Starts an in-process activity (a reservation from <see cref="TryReserveLocal"/> is consumed).</summary>
    public void RunLocal(string instanceId, string executionId, HistoryEvent scheduled, CancellationToken stopping)
    {
        var key = Key(instanceId, executionId, scheduled.TaskId);
        if (!_inFlight.TryAdd(key, 0))
        {
            Interlocked.Decrement(ref _localBacklog);
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await _slots.WaitAsync(stopping).ConfigureAwait(false);
                HistoryEvent result;
                try
                {
                    result = await ExecuteAsync(scheduled, stopping).ConfigureAwait(false);
                }
                finally
                {
                    _slots.Release();
                }
                await DeliverAsync(instanceId, executionId, result, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Shutting down: the next owner re-dispatches the activity from history.
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or IOException)
            {
                Logs.BackgroundStorageFailed(_logger, ex, "deliver activity result");
            }
            finally
            {
                _inFlight.TryRemove(key, out _);
                Interlocked.Decrement(ref _localBacklog);
            }
        }, CancellationToken.None);
    }

    /// <summary>Polls the work-item queue while this process has free slots.</summary>
    public async Task RunQueueLoopAsync(InfrastructureClock clock, CancellationToken stopping)
    {
        var delay = TimeSpan.Zero;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var free = Math.Min(32, _slots.CurrentCount);
                QueueMessage[] messages = [];
                if (free > 0)
                {
                    messages = (await _storage.WorkItems.ReceiveMessagesAsync(free, _options.MessageVisibilityTimeout, stopping).ConfigureAwait(false)).Value;
                }
                foreach (var raw in messages)
                {
                    await _slots.WaitAsync(stopping).ConfigureAwait(false);
                    _ = Task.Run(() => RunQueuedAsync(raw, stopping), CancellationToken.None);
                }
                delay = messages.Length > 0 ? TimeSpan.Zero : Next(delay);
                if (delay > TimeSpan.Zero) await Task.Delay(delay, clock.Time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or IOException or HttpRequestException)
            {
                Logs.WorkItemLoopFailed(_logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), clock.Time, stopping).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan Next(TimeSpan delay)
    {
        var next = delay == TimeSpan.Zero ? TimeSpan.FromMilliseconds(50) : delay * 2;
        return next > _options.MaxPollingInterval ? _options.MaxPollingInterval : next;
    }

    private async Task RunQueuedAsync(QueueMessage raw, CancellationToken stopping)
    {
        try
        {
            TaskMessage message;
            try
            {
                message = await _storage.DecodeAsync(raw, stopping).ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException ex)
            {
                await QuarantineAsync(raw, "undecodable work item: " + ex.Message, stopping).ConfigureAwait(false);
                return;
            }
            if (raw.DequeueCount > _options.MaxDequeueCount)
            {
                await QuarantineAsync(raw, $"work item delivered {raw.DequeueCount} times without completing", stopping).ConfigureAwait(false);
                return;
            }
            // Keep the work item invisible while a long activity runs, so that it is not run twice meanwhile.
            var receipt = raw.PopReceipt;
            using var renewal = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var renewing = Task.Run(async () =>
            {
                var every = _options.MessageVisibilityTimeout / 2;
                while (!renewal.IsCancellationRequested)
                {
                    await Task.Delay(every, _clock.Time, renewal.Token).ConfigureAwait(false);
                    var updated = await _storage.WorkItems.UpdateMessageAsync(raw.MessageId, receipt, visibilityTimeout: _options.MessageVisibilityTimeout, cancellationToken: renewal.Token).ConfigureAwait(false);
                    receipt = updated.Value.PopReceipt;
                }
            }, CancellationToken.None);
            HistoryEvent result;
            try
            {
                result = await ExecuteAsync(message.Event!, stopping).ConfigureAwait(false);
            }
            finally
            {
                await renewal.CancelAsync().ConfigureAwait(false);
                try
                {
                    await renewing.ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or Azure.RequestFailedException)
                {
                    // Renewal ended (or failed: the message may then run again elsewhere; results are de-duplicated).
                }
            }
            await _storage.SendAsync(_storage.ControlQueueFor(message.InstanceId), new TaskMessage
            {
                Id = _ids.NewId(),
                InstanceId = message.InstanceId,
                ExecutionId = message.ExecutionId,
                Event = result,
            }, stopping).ConfigureAwait(false);
            await _storage.WorkItems.DeleteMessageAsync(raw.MessageId, receipt, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The message becomes visible again and runs elsewhere.
        }
        catch (Azure.RequestFailedException ex)
        {
            Logs.BackgroundStorageFailed(_logger, ex, "work item");
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task QuarantineAsync(QueueMessage raw, string reason, CancellationToken cancellationToken)
    {
        Logs.MessageQuarantined(_logger, raw.MessageId, _storage.WorkItems.Name, reason);
        await new QuarantineStore(_storage).AddAsync(_storage.WorkItems.Name, raw.MessageId, reason, raw.DequeueCount, raw.Body.ToString(), _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await _storage.WorkItems.DeleteMessageAsync(raw.MessageId, raw.PopReceipt, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeliverAsync(string instanceId, string executionId, HistoryEvent result, CancellationToken cancellationToken)
    {
        if (DeliverLocal?.Invoke(instanceId, executionId, result) == true) return;
        await _storage.SendAsync(_storage.ControlQueueFor(instanceId), new TaskMessage
        {
            Id = _ids.NewId(),
            InstanceId = instanceId,
            ExecutionId = executionId,
            Event = result,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one activity and turns its outcome into a TaskCompleted or TaskFailed event.</summary>
    private async Task<HistoryEvent> ExecuteAsync(HistoryEvent scheduled, CancellationToken stopping)
    {
        var result = new HistoryEvent { TaskId = scheduled.TaskId, Name = scheduled.Name };
        var definition = scheduled.Name is null ? null : _registry.FindActivity(scheduled.Name);
        if (definition is null)
        {
            result.Type = HistoryEventType.TaskFailed;
            result.Failure = new FailureDetails("ActivityNotRegistered", $"Activity '{scheduled.Name}' is not registered in this worker.");
        }
        else
        {
            try
            {
                await using var scope = _services.CreateAsyncScope();
                result.Result = await definition.Run(scope.ServiceProvider, scheduled.Input, stopping).ConfigureAwait(false);
                result.Type = HistoryEventType.TaskCompleted;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // An activity's exception is its result: it is reported to the orchestrator.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                result.Type = HistoryEventType.TaskFailed;
                result.Failure = FailureDetails.FromException(ex);
            }
        }
        result.Timestamp = _time.GetUtcNow().UtcDateTime;
        return result;
    }

    private static string Key(string instanceId, string executionId, int taskId) => $"{instanceId}|{executionId}|{taskId}";
}
