using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Feeds;
using Relief.Domain.Policies;

namespace Relief.Functions.Feeds;

/// <summary>
/// Queue (setting <c>Relief:Feeds:HukouQueueName</c>): a hukou move (户籍迁移) from the public-security bureau — <c>feeds.schema.json</c> <c>HukouMoveMessage</c>. Validated,
/// applied once per record id (<see cref="FeedIntake"/>, <see cref="FeedEffects"/>); a refused message goes to the
/// poison queue with the reason.
/// </summary>
public sealed class ReceiveHukouMove(FeedIntake intake, IPolicyCatalog catalog)
{
    [Function(nameof(ReceiveHukouMove))]
    public Task RunAsync(
        [QueueTrigger("%" + FeedQueues.HukouSetting + "%")] string body,
        string id,
        long dequeueCount,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        intake.RunAsync<HukouMoveMessage>(FeedKind.HukouMove, new FeedIntake.Delivery(body, id, dequeueCount, nameof(ReceiveHukouMove)), (m, today) => FeedValidator.Validate(m, today, catalog), durable, cancellationToken);
}
