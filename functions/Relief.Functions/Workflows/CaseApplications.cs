using Relief.Cases.Assessment;
using Relief.Cases.Intake;
using Relief.Cases.Records;
using Relief.Cases.Storage;
using Relief.Domain.Calendar;
using Relief.Domain.Policies;

namespace Relief.Functions.Workflows;

/// <summary>
/// Reads a case's stored application back as the policy engine sees it (validated as of the day it arrived)
/// and assesses it (审核评估). Used by activities only (I/O).
/// </summary>
public sealed class CaseApplications(ICaseStore cases, IPolicyCatalog catalog, CaseAssessor assessor)
{
    /// <summary>The case record; throws when it does not exist (an activity for an unknown case is a bug).</summary>
    public async Task<CaseRecord> RecordAsync(string caseId, CancellationToken cancellationToken) =>
        await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Case {caseId} does not exist.");

    /// <summary>The validated application of a case.</summary>
    public async Task<ValidatedApplication> ApplicationAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ApplicationRequest request = await cases.GetApplicationAsync(record.CaseId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {record.CaseId} has no stored application.");
        var valid = ApplicationValidator.Validate(request, ChinaStandardTime.DateOf(record.CreatedAt), catalog);
        return valid.IsValid
            ? valid.Value
            : throw new InvalidOperationException($"The stored application of case {record.CaseId} no longer validates ({valid.Errors.Count} errors).");
    }

    /// <summary>
    /// The household's facts now: as the latest review found them (<paramref name="reviewId"/>), else as the application
    /// stated them.
    /// </summary>
    public async Task<ApplicationRequest> CurrentFactsAsync(CaseRecord record, string? reviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ApplicationRequest? reviewed = reviewId is null ? null : await cases.GetReviewedApplicationAsync(record.CaseId, reviewId, cancellationToken).ConfigureAwait(false);
        return reviewed
            ?? await cases.GetApplicationAsync(record.CaseId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {record.CaseId} has no stored application.");
    }

    /// <summary>Validates an application (or a household as a review found it) as of <paramref name="date"/>.</summary>
    public Relief.Domain.Validation.Validated<ValidatedApplication> Validate(ApplicationRequest request, DateOnly date) =>
        ApplicationValidator.Validate(request, date, catalog);

    /// <summary>Assesses the application under the policy in force on <paramref name="decisionDate"/>.</summary>
    public CaseAssessment Assess(ValidatedApplication application, DateOnly decisionDate) =>
        assessor.Assess(AssessmentInput.From(application), decisionDate);

    /// <summary>The policy in force for the case's jurisdiction on a date.</summary>
    public PolicyParameters Policy(ValidatedApplication application, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(application);
        return catalog.Find(application.Household.Jurisdiction, date).GetOrThrow();
    }
}
