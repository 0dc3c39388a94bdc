using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Feeds;
using Relief.Domain.Policies;

namespace Relief.Functions.Feeds;

/// <summary>
/// Queue (setting <c>Relief:Feeds:DisabilityQueueName</c>): a disability registration (残疾人证) from the disabled persons' federation — <c>feeds.schema.json</c> <c>DisabilityRegistrationMessage</c>. Validated,
/// applied once per record id (<see cref="FeedIntake"/>, <see cref="FeedEffects"/>); a refused message goes to the
/// poison queue with the reason.
/// </summary>
public sealed class ReceiveDisabilityRegistration(FeedIntake intake, IPolicyCatalog catalog)
{
    [Function(nameof(ReceiveDisabilityRegistration))]
    public Task RunAsync(
        [QueueTrigger("%" + FeedQueues.DisabilitySetting + "%")] string body,
        string id,
        long dequeueCount,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        intake.RunAsync<DisabilityRegistrationMessage>(FeedKind.Disability, new FeedIntake.Delivery(body, id, dequeueCount, nameof(ReceiveDisabilityRegistration)), (m, today) => FeedValidator.Validate(m, today, catalog), durable, cancellationToken);
}
