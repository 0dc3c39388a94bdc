using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Feeds;
using Relief.Domain.Policies;

namespace Relief.Functions.Feeds;

/// <summary>
/// Queue (setting <c>Relief:Feeds:CustodyQueueName</c>): an imprisonment or compulsory rehabilitation (服刑在押、强制隔离戒毒) from the justice bureau — <c>feeds.schema.json</c> <c>CustodyNoticeMessage</c>. Validated,
/// applied once per record id (<see cref="FeedIntake"/>, <see cref="FeedEffects"/>); a refused message goes to the
/// poison queue with the reason.
/// </summary>
public sealed class ReceiveCustodyNotice(FeedIntake intake, IPolicyCatalog catalog)
{
    [Function(nameof(ReceiveCustodyNotice))]
    public Task RunAsync(
        [QueueTrigger("%" + FeedQueues.CustodySetting + "%")] string body,
        string id,
        long dequeueCount,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        intake.RunAsync<CustodyNoticeMessage>(FeedKind.Custody, new FeedIntake.Delivery(body, id, dequeueCount, nameof(ReceiveCustodyNotice)), (m, today) => FeedValidator.Validate(m, today, catalog), durable, cancellationToken);
}
