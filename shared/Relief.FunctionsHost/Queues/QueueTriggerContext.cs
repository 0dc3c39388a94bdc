using Relief.FunctionsHost.Invocations;

namespace Relief.FunctionsHost.Queues;

/// <summary>What a queue listener knows about one delivery of a message (given to its <see cref="IQueueTarget"/>).</summary>
public sealed record QueueTriggerContext(
    string FunctionName,
    string InvocationId,
    string QueueName,
    string MessageId,
    long DequeueCount,
    DateTimeOffset? InsertedOn)
    : FunctionContext(FunctionName, InvocationId, TriggerKind.Queue);
