using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Storage.Reviews;

using Relief.Functions.Identity;

namespace Relief.Functions.Reviews;

/// <summary>
/// <c>GET /api/reviews/{reviewId}</c>: one review — reason, due date, state, and once decided its outcome, written reason,
/// rule and the payroll effect (the orchestration's summary). 404 for an unknown review.
/// </summary>
public sealed class GetReview(ReviewStore reviews, TimeProvider time)
{
    [Function(nameof(GetReview))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reviews/{reviewId}")] HttpRequest request,
        string reviewId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var review = await reviews.GetReviewAsync(reviewId, cancellationToken).ConfigureAwait(false);
        if (review is null)
        {
            return ReviewView.NotFound(reviewId);
        }

        if (CaseAccess.CheckJurisdiction(request, review.Jurisdiction, $"Review '{reviewId}'") is { } forbidden) return forbidden;

        var instance = await durable.GetInstanceAsync(review.ReviewId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        ReviewSummary? summary = instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<ReviewSummary>() : null;
        return TypedResults.Ok(ReviewView.From(review, time.GetUtcNow()) with { Summary = summary, RuntimeStatus = instance?.RuntimeStatus.ToString() });
    }
}
