using Azure;
using Azure.Storage.Queues.Models;
using DurableTask.Core;
using DurableTask.Core.History;
using Relief.Durable.Dispatch;
using Relief.Durable.Storage;

namespace Relief.Durable;

public sealed partial class LeanOrchestrationService
{
    private TimeSpan _workItemPollDelay;
    private DateTime _nextWorkItemPoll;

    /// <summary>
    /// Hands a scheduled activity to this process's activity dispatcher (no storage request), or — beyond
    /// <c>LocalActivityBacklog</c> — to the shared work-item queue, where any host takes it.
    /// </summary>
    private void DispatchActivity(TaskMessage message)
    {
        var scheduled = (TaskScheduledEvent)message.Event;
        var id = $"{message.OrchestrationInstance.InstanceId}|{message.OrchestrationInstance.ExecutionId}|t{scheduled.EventId}";
        if (Interlocked.Increment(ref _localActivities) <= _options.LocalActivityBacklog)
        {
            _activities.Writer.TryWrite(new LeanActivityWorkItem { Id = id, TaskMessage = message, LockedUntilUtc = _time.GetUtcNow().UtcDateTime + LockDuration });
            return;
        }

        Interlocked.Decrement(ref _localActivities);
        Track(EnqueueActivityAsync(id, message));
    }

    private async Task EnqueueActivityAsync(string id, TaskMessage message)
    {
        try
        {
            var body = await _codec.EncodeAsync(id, message, CancellationToken.None).ConfigureAwait(false);
            await _storage.WorkItems.SendMessageAsync(body).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or IOException or HttpRequestException)
        {
            // Keep it here rather than lose it.
            Logs.WorkItemPollFailed(_logger, ex);
            Interlocked.Increment(ref _localActivities);
            _activities.Writer.TryWrite(new LeanActivityWorkItem { Id = id, TaskMessage = message, LockedUntilUtc = _time.GetUtcNow().UtcDateTime + LockDuration });
        }
    }

    /// <inheritdoc />
    public async Task<TaskActivityWorkItem?> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        // The sidecar asks with an infinite timeout (-1 ms): wait until work arrives, never spin.
        var deadline = receiveTimeout < TimeSpan.Zero || receiveTimeout == TimeSpan.MaxValue ? DateTime.MaxValue : _time.GetUtcNow().UtcDateTime + receiveTimeout;
        while (!cancellationToken.IsCancellationRequested && !_stop.IsCancellationRequested)
        {
            if (_activities.Reader.TryRead(out var local))
            {
                if (local.Receipt is null) Interlocked.Decrement(ref _localActivities);
                local.LockedUntilUtc = _time.GetUtcNow().UtcDateTime + LockDuration;
                return local;
            }

            var now = _time.GetUtcNow().UtcDateTime;
            if (now >= _nextWorkItemPoll && _started)
            {
                var got = await PollWorkItemsAsync(cancellationToken).ConfigureAwait(false);
                _workItemPollDelay = got ? TimeSpan.Zero : Next(_workItemPollDelay);
                _nextWorkItemPoll = now + _workItemPollDelay;
                if (got) continue;
            }

            var nextPoll = _started ? _nextWorkItemPoll : now + RetryDelay;
            var wait = Min(deadline == DateTime.MaxValue ? TimeSpan.FromDays(1) : deadline - now, nextPoll - now);
            if (wait <= TimeSpan.Zero)
            {
                if (now >= deadline) return null;
                continue;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
            timeout.CancelAfter(wait);
            try
            {
                await _activities.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Time to poll the queue, or to return empty-handed.
            }
        }

        return null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private async Task<bool> PollWorkItemsAsync(CancellationToken cancellationToken)
    {
        try
        {
            QueueMessage[] received = await _storage.WorkItems.ReceiveMessagesAsync(16, _options.MessageVisibilityTimeout, cancellationToken).ConfigureAwait(false);
            foreach (var message in received)
            {
                var body = message.Body.ToString();
                var receipt = new QueueReceipt(_storage.WorkItems, message.MessageId, message.PopReceipt, message.DequeueCount, body);
                try
                {
                    var (id, taskMessage) = await _codec.DecodeAsync(body, cancellationToken).ConfigureAwait(false);
                    _activities.Writer.TryWrite(new LeanActivityWorkItem { Id = id, TaskMessage = taskMessage, Receipt = receipt, LockedUntilUtc = _time.GetUtcNow().UtcDateTime + LockDuration });
                }
                catch (Exception ex) when (ex is FormatException or Newtonsoft.Json.JsonException or RequestFailedException { Status: 404 })
                {
                    await PoisonAsync(receipt, message.MessageId, "unreadable: " + ex.Message, cancellationToken).ConfigureAwait(false);
                }
            }

            return received.Length > 0;
        }
        catch (Exception ex) when (ex is RequestFailedException or IOException or HttpRequestException or TimeoutException)
        {
            Logs.WorkItemPollFailed(_logger, ex);
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem)
    {
        var item = (LeanActivityWorkItem)workItem;
        item.LockedUntilUtc = _time.GetUtcNow().UtcDateTime + LockDuration;
        if (item.Receipt is { } receipt)
        {
            var updated = await receipt.Queue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, visibilityTimeout: _options.MessageVisibilityTimeout).ConfigureAwait(false);
            return new LeanActivityWorkItem
            {
                Id = item.Id,
                TaskMessage = item.TaskMessage,
                LockedUntilUtc = item.LockedUntilUtc,
                Receipt = receipt with { PopReceipt = updated.Value.PopReceipt },
            };
        }

        return item;
    }

    /// <inheritdoc />
    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        var item = (LeanActivityWorkItem)workItem;
        ArgumentNullException.ThrowIfNull(responseMessage);
        var taskId = responseMessage.Event switch
        {
            TaskCompletedEvent c => c.TaskScheduledId,
            TaskFailedEvent f => f.TaskScheduledId,
            _ => ((TaskScheduledEvent)item.TaskMessage.Event).EventId,
        };
        var instance = responseMessage.OrchestrationInstance;
        await DeliverOrSendAsync($"{instance.InstanceId}|{instance.ExecutionId}|r{taskId}", responseMessage, CancellationToken.None).ConfigureAwait(false);
        FaultInjection.Hit(FaultInjection.AfterActivity);
        if (item.Receipt is { } receipt)
        {
            await DeleteReceiptAsync(receipt, CancellationToken.None).ConfigureAwait(false);
            await _codec.ForgetAsync(receipt.Body, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        var item = (LeanActivityWorkItem)workItem;
        if (item.Receipt is { } receipt)
        {
            Track(MakeVisibleLaterAsync(receipt, RetryDelay));
            return Task.CompletedTask;
        }

        Interlocked.Increment(ref _localActivities);
        At(_time.GetUtcNow().UtcDateTime + RetryDelay, () => _activities.Writer.TryWrite(item));
        return Task.CompletedTask;
    }
}
