using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Feeds;

namespace Relief.Functions.Feeds;

/// <summary>
/// Queue (setting <c>Relief:Feeds:DeathsQueueName</c>): a death (死亡信息) from the civil registry, a hospital or a funeral home — <c>feeds.schema.json</c> <c>DeathNoticeMessage</c>. Validated,
/// applied once per record id (<see cref="FeedIntake"/>, <see cref="FeedEffects"/>); a refused message goes to the
/// poison queue with the reason.
/// </summary>
public sealed class ReceiveDeathNotice(FeedIntake intake)
{
    [Function(nameof(ReceiveDeathNotice))]
    public Task RunAsync(
        [QueueTrigger("%" + FeedQueues.DeathsSetting + "%")] string body,
        string id,
        long dequeueCount,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        intake.RunAsync<DeathNoticeMessage>(FeedKind.Death, new FeedIntake.Delivery(body, id, dequeueCount, nameof(ReceiveDeathNotice)), (m, today) => FeedValidator.Validate(m, today), durable, cancellationToken);
}
