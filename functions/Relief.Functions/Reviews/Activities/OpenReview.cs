using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.Cases.Audit;
using Relief.Cases.Deadlines;
using Relief.Cases.Payments;
using Relief.Cases.Reviews;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Queues;
using Relief.Cases.Storage.Reviews;
using Relief.Cases.Verification;
using Relief.Domain.Calendar;
using Relief.Functions.Workflows;

namespace Relief.Functions.Reviews.Activities;

/// <summary>
/// Activity: opens a review (核查立项). A scheduled review whose household has moved on (another due month, left the
/// program) is superseded and nothing is written. Otherwise: the findings deadline (working days from the opening; 3
/// months after the death for a death), the re-verification requests to every agency (经济状况复核; answers go to the
/// same answer queue, the review id in place of the case id), the review on the work list, and a note in the enrolling
/// case's audit trail. Idempotent: a retry writes nothing twice and resends with the same request ids.
/// </summary>
public sealed class OpenReview(ReviewStore reviews, CaseApplications applications, CaseUpdates updates, CaseDeadlinePlanner planner,
    IVerificationRequestWriter requests, IOptions<ReviewOptions> options, ILogger<OpenReview> logger)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(OpenReview);

    [Function(Name)]
    public async Task<ReviewOpened> RunAsync([ActivityTrigger] OpenReviewRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ReviewInput review = input.Review;
        HouseholdReview? household = await reviews.GetHouseholdAsync(review.BeneficiaryId, review.Program, cancellationToken).ConfigureAwait(false);
        bool opened = await reviews.GetReviewAsync(review.ReviewId, cancellationToken).ConfigureAwait(false) is not null;
        if (!opened && (household is not { Active: true } || (review.Reason == ReviewReason.Scheduled && PayPeriod.Of(household.NextReview) != PayPeriod.Of(review.DueDate))))
        {
            Logs.ReviewSuperseded(logger, review.ReviewId);
            return new ReviewOpened(true, null, []);
        }

        var record = await applications.RecordAsync(review.CaseId, cancellationToken).ConfigureAwait(false);
        var application = await applications.ApplicationAsync(record, cancellationToken).ConfigureAwait(false);
        var policy = applications.Policy(application, ChinaStandardTime.DateOf(input.At));
        CaseDeadline findings = review.Reason == ReviewReason.Death
            ? new CaseDeadline(CaseDeadlineKind.ReviewFindings, review.DueDate, ChinaStandardTime.EndOf(review.DueDate),
                string.Create(CultureInfo.InvariantCulture, $"{ReviewReasons.MonthsAfterDeath} months after the death"), review.ReviewId)
            : planner.ReviewFindings(input.At, options.Value.FindingsWorkingDays, review.ReviewId, policy);

        string[] agencies = [];
        if (application.ConsentToEconomicVerification)
        {
            var answers = planner.EconomicVerificationAnswers(input.At, policy: policy);
            string[] residentIds = [.. application.Household.Members.Select(m => m.Id.Value)];
            foreach (VerificationAgency agency in VerificationAgencies.All)
            {
                await requests.WriteAsync(new EconomicVerificationRequestMessage(
                    RequestIdOf(review.ReviewId, agency), review.ReviewId, agency.ToCode(), review.Jurisdiction,
                    input.At, answers.ExpiresAt, residentIds, requests.AnswerQueueName), cancellationToken).ConfigureAwait(false);
            }

            agencies = [.. VerificationAgencies.All.Select(a => a.ToCode())];
        }

        await reviews.OpenAsync(new ReviewRecord(review.ReviewId, review.BeneficiaryId, review.Program, review.Jurisdiction, review.CaseId,
            review.Reason, findings.DueDate, ReviewState.Open, input.At), cancellationToken).ConfigureAwait(false);
        string reported = review.Note is { Length: > 0 } note ? " Reported: " + note : string.Empty;
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"Review opened (核查, {review.Reason.ToCode()}): {review.ReviewId}; findings due {findings.DueDate:yyyy-MM-dd} ({findings.Basis}); re-verification requested from {(agencies.Length == 0 ? "no agency (no consent on file)" : string.Join(", ", agencies))}.{reported}");
        await updates.AppendAsync(review.CaseId, review.ReviewId + ":open", record.Step.ToString(), input.At,
            [new AuditNote(AuditEntryKind.Action, "system", summary), new AuditNote(AuditEntryKind.DeadlineSet, "system", "Deadline ReviewFindings: " + findings.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (" + findings.Basis + ").", findings.ExpiresAt)],
            cancellationToken).ConfigureAwait(false);
        Logs.ReviewOpened(logger, review.ReviewId, review.Reason.ToCode());
        return new ReviewOpened(false, findings, agencies);
    }

    /// <summary>The request id of a review's re-verification by one agency.</summary>
    public static string RequestIdOf(string reviewId, VerificationAgency agency) => reviewId + ":" + agency.ToCode();
}
