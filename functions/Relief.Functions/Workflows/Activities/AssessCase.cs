using System.Globalization;
using Relief.Cases.Audit;
using Relief.Cases.Records;
using Relief.Domain.Calendar;
using Relief.Durable;

namespace Relief.Functions.Workflows.Activities;

/// <summary>Activity: runs the policy engine on the case (审核评估), keeps the decision with its explanation on the record.</summary>
public sealed partial class AssessCase(CaseApplications applications, CaseUpdates updates) : IActivity<AssessCaseRequest, AssessmentSummary>
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(AssessCase);

    public async Task<AssessmentSummary> RunAsync(AssessCaseRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        CaseRecord record = await applications.RecordAsync(input.CaseId, cancellationToken).ConfigureAwait(false);
        var application = await applications.ApplicationAsync(record, cancellationToken).ConfigureAwait(false);
        var assessment = applications.Assess(application, ChinaStandardTime.DateOf(input.At));
        var decision = CaseDecisionRecord.From(assessment);
        await updates.UpdateAsync(input.CaseId, r => r with { Decision = decision }, cancellationToken).ConfigureAwait(false);

        string summary = assessment.IsEligible
            ? string.Create(CultureInfo.InvariantCulture, $"Assessed by the policy engine (审核评估): eligible, {assessment.Amount:0.00} yuan ({assessment.AmountKind}).")
            : "Assessed by the policy engine (审核评估): not eligible — " + string.Join("; ", assessment.Reasons);
        await updates.AppendAsync(input.CaseId, input.OperationId, input.Step.ToString(), input.At,
            [new AuditNote(AuditEntryKind.Decision, "system", summary)], cancellationToken).ConfigureAwait(false);
        return new AssessmentSummary(assessment.IsEligible, assessment.Amount, assessment.Reasons);
    }
}
