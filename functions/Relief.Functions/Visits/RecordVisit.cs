using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Reviews;
using Relief.Cases.Storage.Feeds;
using Relief.Cases.Storage.Reviews;
using Relief.Domain.Calendar;
using Relief.Domain.Validation;
using Relief.Functions.Applications;
using Relief.Functions.Http;
using Relief.Functions.Identity;
using Relief.Functions.Reviews;
using Relief.Functions.Workflows;

namespace Relief.Functions.Visits;

/// <summary>
/// <c>POST /api/households/{householdId}/visits</c> (巡访): the village or community worker records a visit to a
/// beneficiary household — who (the token), when, what was found; with <c>startReview: true</c> the finding starts a
/// review now (once per household and visit day). The same visit posted twice is recorded once. 201 with the visit;
/// 400 naming bad fields; 403 outside the caller's jurisdiction; 404 for a household not enrolled.
/// </summary>
public sealed class RecordVisit(ReviewStore reviews, VisitStore visits, TimeProvider time)
{
    /// <summary>How far back a visit may be recorded, in days.</summary>
    public const int MaxDaysBack = 366;

    [Function(nameof(RecordVisit))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "households/{householdId}/visits")] HttpRequest request,
        string householdId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var body = await JsonBodies.ReadAsync<VisitRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!body.IsValid) return body.Problem!;
        VisitRequest visit = body.Value!;
        DateTimeOffset now = time.GetUtcNow();
        DateOnly today = ChinaStandardTime.DateOf(now);
        var errors = new List<ValidationError>();
        ReviewRequestChecks.ActorAndNote(errors, visit.Actor, visit.Note, "what the visit found");
        if (visit.VisitedOn is not { } on || on > today || on < today.AddDays(-MaxDaysBack))
        {
            errors.Add(new ValidationError("visitedOn", $"visitedOn: the day of the visit (yyyy-MM-dd), not in the future nor more than {MaxDaysBack} days back."));
        }

        if (errors.Count > 0) return Problems.Validation(errors);

        var (household, problem) = await EnrolledHousehold.FindAsync(reviews, request, householdId, visit.Program, "name the program visited", cancellationToken).ConfigureAwait(false);
        if (household is null) return problem!;
        Caller caller = request.Caller();
        DateOnly day = visit.VisitedOn!.Value;
        string note = visit.Note!.Trim();
        string? reviewId = null;
        if (visit.StartReview)
        {
            reviewId = ReviewRecord.IdOf(household.Program, household.BeneficiaryId, ReviewReason.VisitFinding, day);
            var input = new ReviewInput(reviewId, household.BeneficiaryId, household.Program, household.Jurisdiction, household.CaseId, ReviewReason.VisitFinding, today,
                $"Visit on {day:yyyy-MM-dd} ({caller.Actor}): {note}");
            await Instances.StartOnceAsync(durable, ReviewOrchestrator.Name, reviewId, input, cancellationToken).ConfigureAwait(false);
        }

        var recorded = new Visit(household.BeneficiaryId, household.Program, household.Jurisdiction, day, caller.Actor, note, reviewId, now);
        bool created = await visits.RecordAsync(recorded, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/visits/due?jurisdiction={Uri.EscapeDataString(household.Jurisdiction)}&month={day:yyyy-MM}", new { visit = recorded, created });
    }
}
