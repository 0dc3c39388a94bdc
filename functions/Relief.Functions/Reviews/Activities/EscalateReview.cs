using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Relief.Cases.Audit;
using Relief.Cases.Reviews;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Queues;
using Relief.Cases.Storage.Reviews;
using Relief.Functions.Workflows;

namespace Relief.Functions.Reviews.Activities;

/// <summary>
/// Activity: a review's findings deadline passed (超期督办) — the review is marked escalated on the work list, the
/// escalation goes to the supervision queue and into the enrolling case's audit trail. The review goes on.
/// </summary>
public sealed class EscalateReview(ReviewStore reviews, CaseApplications applications, CaseUpdates updates, ISupervisionWriter supervision, ILogger<EscalateReview> logger)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(EscalateReview);

    [Function(Name)]
    public async Task<bool> RunAsync([ActivityTrigger] EscalateReviewRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ReviewInput review = input.Review;
        if (await reviews.GetReviewAsync(review.ReviewId, cancellationToken).ConfigureAwait(false) is { State: ReviewState.Open } open)
        {
            await reviews.UpdateAsync(open with { State = ReviewState.Escalated }, cancellationToken).ConfigureAwait(false);
        }

        var record = await applications.RecordAsync(review.CaseId, cancellationToken).ConfigureAwait(false);
        await supervision.WriteAsync(SupervisionMessage.For(record, input.Deadline, input.At) with { Reference = review.ReviewId }, cancellationToken).ConfigureAwait(false);
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"Review {review.ReviewId}: findings deadline passed (due {input.Deadline.DueDate:yyyy-MM-dd}, {input.Deadline.Basis}); escalated to supervision (超期督办). The review goes on.");
        await updates.AppendAsync(review.CaseId, review.ReviewId + ":escalated", record.Step.ToString(), input.At,
            [new AuditNote(AuditEntryKind.Escalation, "system", summary, input.Deadline.ExpiresAt)], cancellationToken).ConfigureAwait(false);
        Logs.ReviewEscalated(logger, review.ReviewId);
        return true;
    }
}
