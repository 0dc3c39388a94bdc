using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Relief.FunctionsHost.Configuration;
using Relief.FunctionsHost.Invocations;

namespace Relief.FunctionsHost.Queues;

/// <summary>Runs one received message through its function and settles it: delete, retry, release or poison.</summary>
internal interface IQueueMessageHandler
{
    /// <summary>Never throws. <paramref name="abort"/> fires when the host must stop before the invocation ends.</summary>
    Task HandleAsync(QueueMessage message, CancellationToken abort);
}

/// <summary>The settle rules, in order: a message dequeued more than maxDequeueCount times, or malformed,
/// goes straight to poison; success deletes it; a failure makes it visible again after visibilityTimeout,
/// or on the last allowed attempt moves it to poison; a shutdown-cancelled invocation releases it at once.
/// Poison is always written before the original is deleted, so a crash in between duplicates, never loses.</summary>
internal sealed class QueueMessageHandler(
    string functionName,
    QueueClient queue,
    IQueueTarget target,
    QueuesOptions options,
    InvocationTracker tracker,
    PoisonQueueWriter poison,
    TimeProvider time,
    ILogger logger) : IQueueMessageHandler
{
    public async Task HandleAsync(QueueMessage message, CancellationToken abort)
    {
        using var invocation = tracker.Begin(functionName, TriggerKind.Queue);
        var body = message.Body.ToString();

        if (message.DequeueCount > options.MaxDequeueCount)
        {
            invocation.Complete(InvocationOutcome.Rejected);
            await PoisonAsync(message, message.PopReceipt, body, PoisonReason.DequeueCountExceeded,
                $"The message was dequeued {message.DequeueCount} times, more than maxDequeueCount ({options.MaxDequeueCount}), without a finished attempt (a host stopped or crashed while processing it).").ConfigureAwait(false);
            return;
        }

        var run = target.Bind(body, out var malformed);
        if (run is null)
        {
            invocation.Complete(InvocationOutcome.Rejected);
            await PoisonAsync(message, message.PopReceipt, body, PoisonReason.Malformed, malformed ?? "The message could not be bound.").ConfigureAwait(false);
            return;
        }

        var context = new QueueTriggerContext(functionName, invocation.Context.InvocationId, queue.Name, message.MessageId, message.DequeueCount, message.InsertedOn);
        var renewal = MessageLeaseRenewal.Start(queue, message.MessageId, message.PopReceipt, options.MessageLease, time, logger, functionName);
        Exception? failure = null;
        var cancelled = false;
        try
        {
            await run(message, context, abort).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            cancelled = true;
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            await renewal.StopAsync().ConfigureAwait(false);
        }

        var receipt = renewal.PopReceipt;
        if (cancelled)
        {
            invocation.Complete(InvocationOutcome.Cancelled);
            await SettleAsync(message, "release", () => queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: TimeSpan.Zero)).ConfigureAwait(false);
            ListenerLogs.QueueMessageReleased(logger, functionName, message.MessageId);
            return;
        }

        if (failure is null)
        {
            invocation.Complete(InvocationOutcome.Succeeded);
            await SettleAsync(message, "delete", () => queue.DeleteMessageAsync(message.MessageId, receipt)).ConfigureAwait(false);
            return;
        }

        invocation.Complete(InvocationOutcome.Failed, failure);
        if (message.DequeueCount >= options.MaxDequeueCount)
        {
            await PoisonAsync(message, receipt, body, PoisonReason.FunctionFailed, Describe(failure)).ConfigureAwait(false);
            return;
        }

        ListenerLogs.QueueMessageWillRetry(logger, functionName, message.MessageId, message.DequeueCount, options.MaxDequeueCount, options.VisibilityTimeout);
        await SettleAsync(message, "retry later", () => queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: options.VisibilityTimeout)).ConfigureAwait(false);
    }

    private async Task PoisonAsync(QueueMessage message, string receipt, string body, PoisonReason reason, string error)
    {
        var record = new PoisonMessage
        {
            Queue = queue.Name,
            MessageId = message.MessageId,
            Body = body,
            Reason = reason,
            Error = error,
            DequeueCount = message.DequeueCount,
            FunctionName = functionName,
            InsertedOn = message.InsertedOn,
            PoisonedOn = time.GetUtcNow(),
        };

        // Poison first, then delete: if the host dies in between, the message is retried (and may be
        // poisoned twice), never lost. If writing poison fails, the original stays and is retried.
        if (!await SettleAsync(message, "write poison", () => poison.WriteAsync(record, CancellationToken.None)).ConfigureAwait(false)) return;
        ListenerLogs.QueueMessagePoisoned(logger, functionName, message.MessageId, PoisonQueueWriter.PoisonQueueName(queue.Name), message.DequeueCount, reason);
        await SettleAsync(message, "delete", () => queue.DeleteMessageAsync(message.MessageId, receipt)).ConfigureAwait(false);
    }

    private async Task<bool> SettleAsync(QueueMessage message, string operation, Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException or OperationCanceledException)
        {
            ListenerLogs.QueueMessageSettleFailed(logger, ex, functionName, message.MessageId, operation);
            return false;
        }
    }

    private static string Describe(Exception failure)
    {
        var text = $"{failure.GetType().FullName}: {failure.Message}";
        if (failure.InnerException is { } inner) text += $" ---> {inner.GetType().FullName}: {inner.Message}";
        return text.Length <= 8_000 ? text : text[..8_000] + "...";
    }
}
