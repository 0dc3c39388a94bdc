using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Feeds;

namespace Relief.Functions.Feeds;

/// <summary>
/// Queue (setting <c>Relief:Feeds:JobsQueueName</c>): a job placement (就业登记) from the human-resources bureau — <c>feeds.schema.json</c> <c>JobPlacementMessage</c>. Validated,
/// applied once per record id (<see cref="FeedIntake"/>, <see cref="FeedEffects"/>); a refused message goes to the
/// poison queue with the reason.
/// </summary>
public sealed class ReceiveJobPlacement(FeedIntake intake)
{
    [Function(nameof(ReceiveJobPlacement))]
    public Task RunAsync(
        [QueueTrigger("%" + FeedQueues.JobsSetting + "%")] string body,
        string id,
        long dequeueCount,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        intake.RunAsync<JobPlacementMessage>(FeedKind.JobPlacement, new FeedIntake.Delivery(body, id, dequeueCount, nameof(ReceiveJobPlacement)), (m, today) => FeedValidator.Validate(m, today), durable, cancellationToken);
}
