using Microsoft.Azure.Functions.Worker;

namespace Relief.Functions.Diagnostics;

/// <summary>Queue <c>ping</c>: echoes each message to the <c>pong</c> queue (proves queue in and out).</summary>
public static class Ping
{
    /// <summary>The queue this function reads.</summary>
    public const string QueueName = "ping";

    /// <summary>The queue it answers on.</summary>
    public const string ReplyQueueName = "pong";

    [Function(nameof(Ping))]
    [QueueOutput(ReplyQueueName)]
    public static PingMessage Run([QueueTrigger(QueueName)] PingMessage message) => message;
}
