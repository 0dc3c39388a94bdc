using Azure;
using Azure.Data.Tables;
using DurableTask.Core;
using DurableTask.Core.History;
using Relief.Durable.Dispatch;
using Relief.Durable.Storage;

namespace Relief.Durable;

public sealed partial class LeanOrchestrationService
{
    /// <inheritdoc />
    public async Task<TaskOrchestrationWorkItem?> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        if (receiveTimeout >= TimeSpan.Zero && receiveTimeout < TimeSpan.FromDays(1)) wait.CancelAfter(receiveTimeout);
        while (true)
        {
            InstanceSlot slot;
            try
            {
                slot = await _ready.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            List<InboundMessage> taken;
            lock (slot)
            {
                slot.Queued = false;
                if (slot.Locked || slot.Pending.Count == 0) continue;
                slot.Locked = true;
                taken = [.. slot.Pending];
                slot.Pending.Clear();
            }

            try
            {
                var item = await PrepareAsync(slot, taken, cancellationToken).ConfigureAwait(false);
                if (item is not null) return item;
            }
            catch
            {
                PutBack(slot, taken, clearCache: true);
                throw;
            }
        }
    }

    /// <summary>Loads the instance, judges the messages, and builds the work item (null: nothing to run).</summary>
    private async Task<LeanOrchestrationWorkItem?> PrepareAsync(InstanceSlot slot, List<InboundMessage> taken, CancellationToken cancellationToken)
    {
        var record = slot.Cached ?? await LoadAsync(slot.InstanceId, withHistory: true, cancellationToken).ConfigureAwait(false);
        slot.Cached = record;
        var applied = new List<InboundMessage>();
        var dropped = new List<InboundMessage>();
        var deferred = new List<InboundMessage>();
        foreach (var (message, verdict, reason) in MessageFilter.Judge(record, taken))
        {
            switch (verdict)
            {
                case Verdict.Apply: applied.Add(message); break;
                case Verdict.Drop:
                    Logs.Dropped(_logger, slot.InstanceId, message.Id, reason);
                    dropped.Add(message);
                    break;
                default: deferred.Add(message); break;
            }
        }

        foreach (var message in deferred) Defer(message);
        if (applied.Count == 0)
        {
            DeleteDropped(dropped);
            Release(slot, terminal: record?.IsTerminal == true);
            return null;
        }

        var start = applied.Select(m => m.Message.Event).OfType<ExecutionStartedEvent>().FirstOrDefault();
        if (start?.ScheduledStartTime is { } at && at > _time.GetUtcNow().UtcDateTime)
        {
            // A delayed start: keep everything until then.
            PutBack(slot, [], clearCache: false);
            At(at, () => { foreach (var m in applied) Deliver(m); });
            DeleteDropped(dropped);
            return null;
        }

        return new LeanOrchestrationWorkItem
        {
            InstanceId = slot.InstanceId,
            OrchestrationRuntimeState = new OrchestrationRuntimeState(record?.Events),
            NewMessages = [.. applied.Select(m => m.Message)],
            LockedUntilUtc = _time.GetUtcNow().UtcDateTime + LockDuration,
            Slot = slot,
            Record = record is null || record.ETag == default ? null : record,
            Applied = applied,
            Dropped = dropped,
        };
    }

    /// <summary>Deletes the queue messages of messages consumed without effect.</summary>
    private void DeleteDropped(List<InboundMessage> dropped)
    {
        foreach (var message in dropped.Where(m => m.Receipt is not null)) Track(DeleteReceiptAsync(message.Receipt!, CancellationToken.None));
    }

    /// <summary>A message whose instance has not started: a queue message comes back later (poisoned after too many tries); one in memory is offered again.</summary>
    private void Defer(InboundMessage message)
    {
        if (message.Receipt is { } receipt)
        {
            if (receipt.DequeueCount >= _options.MaxDequeueCount)
            {
                Track(PoisonAsync(receipt, message.Id, $"instance {message.Message.OrchestrationInstance.InstanceId} does not exist or never started ({receipt.DequeueCount} deliveries)", CancellationToken.None));
                return;
            }

            var backoff = TimeSpan.FromSeconds(Math.Min(60, 2 << (int)Math.Min(receipt.DequeueCount, 5)));
            Track(MakeVisibleLaterAsync(receipt, backoff));
            return;
        }

        At(_time.GetUtcNow().UtcDateTime + RetryDelay, () => Deliver(message));
    }

    private static async Task MakeVisibleLaterAsync(QueueReceipt receipt, TimeSpan after)
    {
        try
        {
            await receipt.Queue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, visibilityTimeout: after).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // It reappears when its visibility timeout ends.
        }
    }

    /// <inheritdoc />
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        workItem.LockedUntilUtc = _time.GetUtcNow().UtcDateTime + LockDuration;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        var item = (LeanOrchestrationWorkItem)workItem;
        var state = newOrchestrationRuntimeState ?? item.OrchestrationRuntimeState;
        var instance = state.OrchestrationInstance ?? throw new InvalidOperationException($"Instance {item.InstanceId}: the episode left no ExecutionStarted event.");
        var pastCount = item.Record?.Events.Count ?? 0;

        // 1. Messages to other instances first: durable before the commit that records them, de-duplicated by their
        //    receivers if this episode runs again (a crash before the commit).
        var sends = orchestratorMessages.Select((m, i) => SendAsync($"{instance.InstanceId}|{instance.ExecutionId}|{pastCount}|{i}", m, CancellationToken.None)).ToList();
        if (continuedAsNewMessage is not null) sends.Add(SendAsync($"{instance.InstanceId}|{instance.ExecutionId}|{pastCount}|can", continuedAsNewMessage, CancellationToken.None));
        await Task.WhenAll(sends).ConfigureAwait(false);
        if (sends.Count > 0) FaultInjection.Hit(FaultInjection.AfterSend);

        // 2. The commit: one ETag-checked write of the instance's row.
        var now = _time.GetUtcNow().UtcDateTime;
        var record = item.Record ?? new InstanceRecord { InstanceId = item.InstanceId, Partition = item.Slot.Partition, CreatedTime = now };
        var previousEtag = record.ETag;
        var started = state.ExecutionStartedEvent!;
        var sameExecution = record.ExecutionId == instance.ExecutionId;
        var updated = new InstanceRecord
        {
            InstanceId = item.InstanceId,
            ExecutionId = instance.ExecutionId,
            Name = started.Name,
            Version = started.Version,
            Status = state.OrchestrationStatus,
            CreatedTime = sameExecution && record.CreatedTime != default ? record.CreatedTime : now,
            LastUpdatedTime = now,
            CompletedTime = state.ExecutionCompletedEvent is { } completed ? completed.Timestamp : default,
            Input = started.Input,
            Output = state.ExecutionCompletedEvent is null ? null : state.Output,
            CustomStatus = state.Status,
            FailureDetails = state.FailureDetails,
            Tags = started.Tags,
            Parent = started.ParentInstance,
            ScheduledStartTime = started.ScheduledStartTime,
            Partition = item.Slot.Partition,
            Events = [.. state.Events],
            Consumed = [.. record.Consumed],
            ETag = previousEtag,
        };
        updated.AddConsumed(item.Applied.Concat(item.Dropped).Select(m => m.Id));
        var entity = updated.ToEntity();
        try
        {
            var response = previousEtag != default
                ? await _storage.Instances.UpdateEntityAsync(entity, previousEtag, TableUpdateMode.Replace).ConfigureAwait(false)
                : await _storage.Instances.AddEntityAsync(entity).ConfigureAwait(false);
            updated.ETag = response.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (HubStorage.IsConflict(ex))
        {
            Logs.CommitConflict(_logger, item.InstanceId);
            item.Slot.Cached = null;
            throw;
        }

        item.Slot.Cached = _options.InstanceCacheSize > 0 && !updated.IsTerminal ? updated : null;
        FaultInjection.Hit(FaultInjection.AfterCommit);

        // 3. After the commit: activities and timers from memory (re-armed from the row on a take-over), waiters
        //    told, consumed queue messages deleted.
        foreach (var message in outboundMessages) DispatchActivity(message);
        foreach (var message in timerMessages) ArmTimer(message);
        item.Terminal = updated.IsTerminal;
        if (updated.IsTerminal) Notify(updated);
        var receipts = item.Applied.Concat(item.Dropped).Where(m => m.Receipt is not null).Select(m => m.Receipt!).ToList();
        if (receipts.Count > 0)
        {
            FaultInjection.Hit(FaultInjection.BeforeDelete);
            Track(DeleteAllAsync(receipts));
        }
    }

    private async Task DeleteAllAsync(List<QueueReceipt> receipts)
    {
        try
        {
            await Task.WhenAll(receipts.Select(r => DeleteReceiptAsync(r, CancellationToken.None))).ConfigureAwait(false);
            foreach (var receipt in receipts) await _codec.ForgetAsync(receipt.Body, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or IOException or HttpRequestException)
        {
            Logs.DeleteFailed(_logger, ex);
        }
    }

    /// <inheritdoc />
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        var item = (LeanOrchestrationWorkItem)workItem;
        if (item.Done) return Task.CompletedTask;
        item.Done = true;
        PutBack(item.Slot, [.. item.Applied, .. item.Dropped], clearCache: true, delay: true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        var item = (LeanOrchestrationWorkItem)workItem;
        if (item.Done) return Task.CompletedTask; // abandoned before
        item.Done = true;
        Release(item.Slot, item.Terminal);
        return Task.CompletedTask;
    }

    /// <summary>Unlocks the slot: ready again when messages arrived meanwhile; forgotten when its instance ended and nothing waits.</summary>
    private void Release(InstanceSlot slot, bool terminal)
    {
        lock (slot)
        {
            slot.Locked = false;
            if (slot.Pending.Count > 0)
            {
                if (!slot.Queued)
                {
                    slot.Queued = true;
                    _ready.Writer.TryWrite(slot);
                }

                return;
            }

            if (terminal || _slots.Count > _options.InstanceCacheSize)
            {
                slot.Removed = true;
                _slots.TryRemove(new KeyValuePair<string, InstanceSlot>(slot.InstanceId, slot));
            }
        }
    }

    /// <summary>Returns messages to the front of the slot and unlocks it (ready again at once, or after a pause).</summary>
    private void PutBack(InstanceSlot slot, List<InboundMessage> messages, bool clearCache, bool delay = false)
    {
        lock (slot)
        {
            slot.Pending.InsertRange(0, messages);
            if (clearCache) slot.Cached = null;
            slot.Locked = false;
            if (slot.Pending.Count == 0 || slot.Queued) return;
            if (!delay)
            {
                slot.Queued = true;
                _ready.Writer.TryWrite(slot);
                return;
            }
        }

        At(_time.GetUtcNow().UtcDateTime + RetryDelay, () =>
        {
            lock (slot)
            {
                if (slot.Locked || slot.Queued || slot.Pending.Count == 0) return;
                slot.Queued = true;
                _ready.Writer.TryWrite(slot);
            }
        });
    }

    /// <summary>Arms the timer of a TimerFired message; it is delivered in memory when due.</summary>
    private void ArmTimer(TaskMessage message)
    {
        var fired = (TimerFiredEvent)message.Event;
        var id = $"{message.OrchestrationInstance.InstanceId}|{message.OrchestrationInstance.ExecutionId}|timer{fired.TimerId}";
        At(fired.FireAt, () => Deliver(new InboundMessage(id, message, null)));
    }

    private async Task<InstanceRecord?> LoadAsync(string instanceId, bool withHistory, CancellationToken cancellationToken)
    {
        var response = await _storage.Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? InstanceRecord.FromEntity(response.Value!, withHistory) : null;
    }
}
