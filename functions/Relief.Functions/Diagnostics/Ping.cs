using Relief.Hosting.Queues;

namespace Relief.Functions.Diagnostics;

/// <summary>Queue <c>ping</c>: echoes each message to the <c>pong</c> queue (proves queue in and out).</summary>
public sealed class Ping(IQueueSender queues) : IQueueFunction<PingMessage>
{
    /// <summary>The queue this function reads.</summary>
    public const string QueueName = "ping";

    /// <summary>The queue it answers on.</summary>
    public const string ReplyQueueName = "pong";

    public Task RunAsync(PingMessage message, QueueTriggerContext context, CancellationToken cancellationToken) =>
        queues.SendAsync(ReplyQueueName, message, cancellationToken);
}
