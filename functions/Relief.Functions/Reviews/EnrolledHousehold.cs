using Microsoft.AspNetCore.Http;
using Relief.Cases.Reviews;
using Relief.Cases.Storage.Reviews;
using Relief.Functions.Applications;
using Relief.Functions.Identity;

namespace Relief.Functions.Reviews;

/// <summary>
/// The household an HTTP request about a beneficiary names: its one active enrolment (in <c>program</c> when given),
/// in the caller's jurisdiction. Otherwise the answer: 404 not enrolled, 400 naming the programs when it is enrolled in
/// several, 403 outside the caller's areas.
/// </summary>
internal static class EnrolledHousehold
{
    /// <summary>The enrolment, or the HTTP answer saying why there is none; <paramref name="purpose"/> ends the 400's sentence.</summary>
    public static async Task<(HouseholdReview? Household, IResult? Problem)> FindAsync(ReviewStore reviews, HttpRequest request, string householdId, string? program, string purpose, CancellationToken cancellationToken)
    {
        var enrolled = (await reviews.HouseholdAsync(householdId, cancellationToken).ConfigureAwait(false)).Where(h => h.Active).ToArray();
        if (program is not null) enrolled = enrolled.Where(h => h.Program == program).ToArray();
        if (enrolled.Length == 0)
        {
            return (null, TypedResults.Problem(title: "Household not enrolled", detail: $"Household '{householdId}' has no active enrolment{(program is null ? string.Empty : " in " + program)}.", statusCode: StatusCodes.Status404NotFound));
        }

        if (enrolled.Length > 1)
        {
            return (null, Problems.Field("program", $"the household is enrolled in {string.Join(", ", enrolled.Select(h => h.Program))}; {purpose}."));
        }

        HouseholdReview household = enrolled[0];
        return CaseAccess.CheckJurisdiction(request, household.Jurisdiction, $"Household '{householdId}'") is { } forbidden ? (null, forbidden) : (household, null);
    }
}
