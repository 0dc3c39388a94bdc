using Azure.Storage.Queues;
using DurableTask.Core;

namespace Relief.Durable.Dispatch;

/// <summary>A message waiting for its instance: from a queue (<see cref="Receipt"/> set) or handed over in memory.</summary>
internal sealed record InboundMessage(string Id, TaskMessage Message, QueueReceipt? Receipt);

/// <summary>Where a received queue message is, to delete it once consumed or to let it reappear.</summary>
internal sealed record QueueReceipt(QueueClient Queue, string MessageId, string PopReceipt, long DequeueCount, string Body);
