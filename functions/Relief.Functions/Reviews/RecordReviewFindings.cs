using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Payments;
using Relief.Cases.Reviews;
using Relief.Cases.Storage.Reviews;
using Relief.Domain.Calendar;
using Relief.Domain.Validation;
using Relief.Functions.Applications;
using Relief.Functions.Http;
using Relief.Functions.Identity;
using Relief.Functions.Workflows;

namespace Relief.Functions.Reviews;

/// <summary>
/// <c>POST /api/reviews/{reviewId}/findings</c>: the caseworker's findings (核查结论) — the household as found, and what
/// the figures do not say (a job found, an unreported change, fraud). Validated in full before anything happens (the
/// household merged over the current facts must validate as an application would); then raised into the review
/// orchestration, which decides. 202 with the review's URL; 404 unknown review; 409 when it is decided already.
/// </summary>
public sealed class RecordReviewFindings(ReviewStore reviews, CaseApplications applications, TimeProvider time)
{
    [Function(nameof(RecordReviewFindings))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reviews/{reviewId}/findings")] HttpRequest request,
        string reviewId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var body = await JsonBodies.ReadAsync<ReviewFindingsRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!body.IsValid) return body.Problem!;
        ReviewFindingsRequest findings = body.Value!;
        ReviewRecord? review = await reviews.GetReviewAsync(reviewId, cancellationToken).ConfigureAwait(false);
        if (review is null)
        {
            return ReviewView.NotFound(reviewId);
        }

        if (CaseAccess.CheckJurisdiction(request, review.Jurisdiction, $"Review '{reviewId}'") is { } forbidden) return forbidden;
        if (review.State is ReviewState.Decided or ReviewState.Superseded)
        {
            return Problems.Conflict($"Review is {review.State.ToString().ToLowerInvariant()}", $"Review '{reviewId}' is {review.State.ToString().ToLowerInvariant()}; findings are no longer taken.");
        }

        DateOnly today = ChinaStandardTime.DateOf(time.GetUtcNow());
        var errors = new List<ValidationError>();
        ReviewRequestChecks.ActorAndNote(errors, findings.Actor, findings.Note, "the written findings are required");

        if (findings.IncomeRoseOn > today) errors.Add(new ValidationError("incomeRoseOn", "incomeRoseOn: cannot be in the future."));
        if (findings.UnreportedChangeSince > today) errors.Add(new ValidationError("unreportedChangeSince", "unreportedChangeSince: cannot be in the future."));
        if (findings.FraudSince is { } fraud && (!PayPeriod.TryParse(fraud, out PayPeriod since) || since > PayPeriod.Of(today)))
        {
            errors.Add(new ValidationError("fraudSince", "fraudSince: a month in yyyy-MM form, not after this month."));
        }

        if (findings.Household is { } household)
        {
            var record = await applications.RecordAsync(review.CaseId, cancellationToken).ConfigureAwait(false);
            var schedule = await reviews.GetHouseholdAsync(review.BeneficiaryId, review.Program, cancellationToken).ConfigureAwait(false);
            var facts = await applications.CurrentFactsAsync(record, schedule?.FactsFrom, cancellationToken).ConfigureAwait(false);
            var valid = applications.Validate(ReviewHousehold.Merge(facts, household), today);
            errors.AddRange(valid.Errors.Select(e => new ValidationError("household." + e.Field, "household: " + e.Message)));
        }

        if (errors.Count > 0) return Problems.Validation(errors);

        var found = new ReviewFindingsEvent(request.Caller().Actor, findings.Note!.Trim(), findings.MemberFoundWork, findings.IncomeRoseOn,
            findings.UnreportedChangeSince, findings.FraudSince, findings.Household);
        if (!await Instances.HasStartedAsync(durable, review.ReviewId, cancellationToken).ConfigureAwait(false))
        {
            return Instances.NotStarted(request, "review " + review.ReviewId);
        }

        await durable.RaiseEventAsync(review.ReviewId, ReviewOrchestrator.FindingsEvent, found, cancellationToken).ConfigureAwait(false);
        string location = "/api/reviews/" + review.ReviewId;
        return TypedResults.Accepted(location, new { reviewId = review.ReviewId, statusUrl = location });
    }
}
