using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Relief.FunctionsHost.Configuration;

namespace Relief.FunctionsHost.Queues;

/// <summary>
/// Polls one queue for one function. Fetches up to <c>batchSize</c> messages and runs them in parallel;
/// fetches again when no more than <c>newBatchThreshold</c> are still running; waits 100 ms doubling up
/// to <c>maxPollingInterval</c> while the queue is empty (on <see cref="PollingClock"/>: real time, even when business time is faked). Stopping ends polling, lets running invocations
/// finish, and only when the stop deadline passes cancels them (their messages are released, visible again).
/// </summary>
internal sealed class QueueListener(
    string functionName,
    QueueClient queue,
    IQueueMessageHandler handler,
    QueuesOptions options,
    TimeProvider pollingTime,
    ILogger logger) : IDisposable
{
    private readonly CancellationTokenSource _stopPolling = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly HashSet<Task> _inFlight = [];
    private readonly Lock _gate = new();
    private bool _disposed;
    private Task _loop = Task.CompletedTask;

    /// <summary>Invocations running now.</summary>
    public int InFlight
    {
        get { lock (_gate) return _inFlight.Count; }
    }

    public void Start()
    {
        ListenerLogs.QueueListenerStarted(logger, functionName, queue.Name);
        _loop = Task.Run(() => PollAsync(_stopPolling.Token));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host disposed before it was stopped (e.g. a failed start) has nothing left to stop.
        if (Volatile.Read(ref _disposed)) return;
        await _stopPolling.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
            ListenerLogs.QueueListenerStopping(logger, functionName, InFlight);
            await Task.WhenAll(Snapshot()).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ListenerLogs.QueueListenerStopTimedOut(logger, functionName, InFlight);
            await _abort.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
            await Task.WhenAll(Snapshot()).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _stopPolling.Dispose();
        _abort.Dispose();
    }

    private async Task PollAsync(CancellationToken stop)
    {
        var backoff = new PollingBackoff(options.MaxPollingInterval);
        var threshold = options.EffectiveNewBatchThreshold;
        var queueExists = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!queueExists)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stop).ConfigureAwait(false);
                    queueExists = true;
                }

                var running = Snapshot();
                if (running.Length > threshold)
                {
                    await Task.WhenAny(running).WaitAsync(stop).ConfigureAwait(false);
                    continue;
                }

                // Not cancelled by a graceful stop: a receive cut off mid-flight would hide its messages
                // for the whole lease. Received messages are then either run or released.
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(options.BatchSize, options.MessageLease, _abort.Token).ConfigureAwait(false);
                if (messages.Length == 0)
                {
                    await Task.Delay(backoff.Next(), pollingTime, stop).ConfigureAwait(false);
                    continue;
                }

                backoff.Reset();
                foreach (var message in messages)
                {
                    if (stop.IsCancellationRequested) await ReleaseAsync(message).ConfigureAwait(false);
                    else Track(message);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested || _abort.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException or OperationCanceledException)
            {
                var delay = backoff.Next();
                ListenerLogs.QueuePollFailed(logger, ex, queue.Name, delay);
                queueExists = ex is Azure.RequestFailedException { Status: 404 } ? false : queueExists;
                try
                {
                    await Task.Delay(delay, pollingTime, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Track(QueueMessage message)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _inFlight.Add(completion.Task);
        _ = Task.Run(async () =>
        {
            try
            {
                await handler.HandleAsync(message, _abort.Token).ConfigureAwait(false);
            }
            finally
            {
                lock (_gate) _inFlight.Remove(completion.Task);
                completion.TrySetResult();
            }
        });
    }

    private async Task ReleaseAsync(QueueMessage message)
    {
        try
        {
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            ListenerLogs.QueueMessageReleased(logger, functionName, message.MessageId);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException)
        {
            ListenerLogs.QueueMessageSettleFailed(logger, ex, functionName, message.MessageId, "release");
        }
    }

    private Task[] Snapshot()
    {
        lock (_gate) return [.. _inFlight];
    }
}
