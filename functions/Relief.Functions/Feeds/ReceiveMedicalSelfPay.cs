using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Feeds;
using Relief.Domain.Policies;

namespace Relief.Functions.Feeds;

/// <summary>
/// Queue (setting <c>Relief:Feeds:MedicalQueueName</c>): a person's medical self-pay of a year (个人自付医疗费用) from the medical-insurance bureau — <c>feeds.schema.json</c> <c>MedicalSelfPayMessage</c>. Validated,
/// applied once per record id (<see cref="FeedIntake"/>, <see cref="FeedEffects"/>); a refused message goes to the
/// poison queue with the reason.
/// </summary>
public sealed class ReceiveMedicalSelfPay(FeedIntake intake, IPolicyCatalog catalog)
{
    [Function(nameof(ReceiveMedicalSelfPay))]
    public Task RunAsync(
        [QueueTrigger("%" + FeedQueues.MedicalSetting + "%")] string body,
        string id,
        long dequeueCount,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        intake.RunAsync<MedicalSelfPayMessage>(FeedKind.MedicalSelfPay, new FeedIntake.Delivery(body, id, dequeueCount, nameof(ReceiveMedicalSelfPay)), (m, today) => FeedValidator.Validate(m, today, catalog), durable, cancellationToken);
}
