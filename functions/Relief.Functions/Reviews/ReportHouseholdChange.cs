using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
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
/// <c>POST /api/households/{householdId}/changes</c>: a change the household reports between reviews (主动申报, 57号 Art.
/// 30) starts its review now; a beneficiary's death (<c>kind: death</c>) starts one due within 3 months of the death.
/// The same report posted twice finds the same review. 202 with the review id; 404 for a household not enrolled;
/// 400 naming every bad field.
/// </summary>
public sealed class ReportHouseholdChange(ReviewStore reviews, TimeProvider time)
{
    /// <summary>The kinds of change accepted.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["income", "members", "property", "work", "death", "other"];

    /// <summary>How far back a reported change may lie, in years.</summary>
    public const int MaxYearsBack = 5;

    [Function(nameof(ReportHouseholdChange))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "households/{householdId}/changes")] HttpRequest request,
        string householdId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var body = await JsonBodies.ReadAsync<HouseholdChangeRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!body.IsValid) return body.Problem!;
        HouseholdChangeRequest change = body.Value!;
        DateOnly today = ChinaStandardTime.DateOf(time.GetUtcNow());
        var errors = new List<ValidationError>();
        ReviewRequestChecks.ActorAndNote(errors, change.Actor, change.Note, "what was reported");
        if (change.Kind is null || !Kinds.Contains(change.Kind, StringComparer.Ordinal))
        {
            errors.Add(new ValidationError("kind", $"kind: one of {string.Join(", ", Kinds)}."));
        }

        if (change.OccurredOn is not { } occurred || occurred > today || occurred < today.AddYears(-MaxYearsBack))
        {
            errors.Add(new ValidationError("occurredOn", $"occurredOn: the date of the change (yyyy-MM-dd), not in the future nor more than {MaxYearsBack} years back."));
        }

        if (errors.Count > 0) return Problems.Validation(errors);

        var (household, problem) = await EnrolledHousehold.FindAsync(reviews, request, householdId, change.Program, "name the program whose review it starts", cancellationToken).ConfigureAwait(false);
        if (household is null) return problem!;
        DateOnly on = change.OccurredOn!.Value;
        bool death = change.Kind == "death";
        ReviewReason reason = death ? ReviewReason.Death : ReviewReason.SelfReportedChange;
        string reviewId = ReviewRecord.IdOf(household.Program, household.BeneficiaryId, reason, on);
        DateOnly due = death ? on.AddMonths(ReviewReasons.MonthsAfterDeath) : today;
        var input = new ReviewInput(reviewId, household.BeneficiaryId, household.Program, household.Jurisdiction, household.CaseId, reason, due,
            $"{change.Kind} on {on:yyyy-MM-dd} ({request.Caller().Actor}): {change.Note!.Trim()}");
        bool started = await Instances.StartOnceAsync(durable, ReviewOrchestrator.Name, reviewId, input, cancellationToken).ConfigureAwait(false);
        string location = "/api/reviews/" + reviewId;
        return TypedResults.Accepted(location, new { reviewId, started, reason = reason.ToCode(), dueDate = due, statusUrl = location });
    }
}
