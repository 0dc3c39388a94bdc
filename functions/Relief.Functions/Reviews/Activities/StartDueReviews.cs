using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.Cases.Payments;
using Relief.Cases.Reviews;
using Relief.Cases.Storage.Reviews;
using Relief.Functions.Workflows;

namespace Relief.Functions.Reviews.Activities;

/// <summary>
/// Activity: one page of a sweep — reads the next page of the due index (one partition query) and starts a review
/// orchestration for each household on it, once (an existing instance of the same review id is left alone).
/// </summary>
public sealed class StartDueReviews(ReviewStore reviews, IOptions<ReviewOptions> options, ILogger<StartDueReviews> logger)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(StartDueReviews);

    [Function(Name)]
    public async Task<ReviewSweepPage> RunAsync([ActivityTrigger] ReviewSweepInput input, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(durable);
        var page = await reviews.ReadDueAsync(input.Frequency, PayPeriod.Parse(input.Month), input.ContinuationToken, options.Value.SweepPageSize, cancellationToken).ConfigureAwait(false);
        int started = 0;
        foreach (DueHousehold due in page.Households)
        {
            string id = ReviewRecord.IdOf(due.Program, due.BeneficiaryId, ReviewReason.Scheduled, due.DueDate);
            var review = new ReviewInput(id, due.BeneficiaryId, due.Program, due.Jurisdiction, due.CaseId, ReviewReason.Scheduled, due.DueDate);
            if (await Instances.StartOnceAsync(durable, ReviewOrchestrator.Name, id, review, cancellationToken).ConfigureAwait(false))
            {
                started++;
            }
        }

        Logs.SweepPage(logger, input.Frequency.ToString(), input.Month, page.Households.Count, started, input.Started + started);
        return new ReviewSweepPage(started, page.Households.Count - started, page.ContinuationToken);
    }
}
