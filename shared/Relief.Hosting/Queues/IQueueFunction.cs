using Relief.Hosting.Invocations;

namespace Relief.Hosting.Queues;

/// <summary>
/// A queue function: runs once per message whose JSON (raw or base64) binds to <typeparamref name="TMessage"/>.
/// Returning deletes the message; throwing retries it after <c>visibilityTimeout</c>, and after
/// <c>maxDequeueCount</c> attempts moves it to <c>&lt;queue&gt;-poison</c>. Delivery is at least once:
/// make the work idempotent (e.g. by a key in the message).
/// </summary>
/// <typeparam name="TMessage">The message type (System.Text.Json, web defaults).</typeparam>
public interface IQueueFunction<in TMessage>
{
    /// <summary>Handles one message. The token fires only when the host must stop before the function ends.</summary>
    Task RunAsync(TMessage message, QueueTriggerContext context, CancellationToken cancellationToken);
}

/// <summary>The invocation context of a queue function.</summary>
public sealed record QueueTriggerContext(
    string FunctionName,
    string InvocationId,
    string QueueName,
    string MessageId,
    long DequeueCount,
    DateTimeOffset? InsertedOn)
    : FunctionContext(FunctionName, InvocationId, TriggerKind.Queue);
