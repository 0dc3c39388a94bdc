using Azure.Storage.Queues.Models;

namespace Relief.FunctionsHost.Queues;

/// <summary>Runs one bound message: returning settles it as done, throwing as failed.</summary>
internal delegate Task QueueRun(QueueMessage message, QueueTriggerContext context, CancellationToken abort);

/// <summary>What a queue listener runs: a function in this process, or one in a worker process.</summary>
internal interface IQueueTarget
{
    /// <summary>Binds the message text; null (with the reason) when it is malformed and must be poisoned unrun.</summary>
    QueueRun? Bind(string body, out string? malformed);
}
