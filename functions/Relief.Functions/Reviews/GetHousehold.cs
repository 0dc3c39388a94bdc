using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Storage.Reviews;

using Relief.Functions.Identity;

namespace Relief.Functions.Reviews;

/// <summary>
/// <c>GET /api/households/{householdId}</c>: a household's review schedule in each program it is enrolled in (cadence,
/// next review, warnings, still active) and its reviews, newest first. 404 when it was never enrolled.
/// </summary>
public sealed class GetHousehold(ReviewStore reviews, TimeProvider time)
{
    [Function(nameof(GetHousehold))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "households/{householdId}")] HttpRequest request,
        string householdId,
        CancellationToken cancellationToken)
    {
        var schedules = await reviews.HouseholdAsync(householdId, cancellationToken).ConfigureAwait(false);
        if (schedules.Count == 0)
        {
            return TypedResults.Problem(title: "Household not enrolled", detail: $"Household '{householdId}' was never enrolled.", statusCode: StatusCodes.Status404NotFound);
        }

        if (schedules.FirstOrDefault(s => !request.Caller().Covers(s.Jurisdiction)) is { } outside)
        {
            return CallerAccess.Forbidden($"Household '{householdId}' is enrolled in jurisdiction '{outside.Jurisdiction}', outside your areas.");
        }

        var list = await reviews.ReviewsOfAsync(householdId, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = time.GetUtcNow();
        return TypedResults.Ok(new
        {
            householdId,
            programs = schedules.Select(s => new { s.Program, s.Jurisdiction, s.CaseId, frequency = s.Frequency.ToString(), s.NextReview, s.Active, s.Warnings }),
            reviews = list.Select(r => ReviewView.From(r, now)),
        });
    }
}
