using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using Relief.Cases.Audit;
using Relief.Cases.Records;
using Relief.Cases.Verification;
using Relief.Domain.Calendar;

namespace Relief.Functions.Workflows.Activities;

/// <summary>Activity: runs the policy engine on the case (审核评估), keeps the decision with its explanation on the record.</summary>
public sealed partial class AssessCase(CaseApplications applications, CaseUpdates updates)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(AssessCase);

    [Function(Name)]
    public async Task<AssessmentSummary> RunAsync([ActivityTrigger] AssessCaseRequest input, CancellationToken cancellationToken)
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
        await updates.AppendWorkflowAsync(input.CaseId, input.OperationId, input.Step.ToString(), input.At,
            [new AuditNote(AuditEntryKind.Decision, "system", summary + VerificationNote(record))], cancellationToken).ConfigureAwait(false);
        return new AssessmentSummary(assessment.IsEligible, assessment.Amount, assessment.Reasons);
    }

    /// <summary>
    /// What the economic verification adds for the approver: agencies that reported a discrepancy or never answered.
    /// The policy engine assesses the declaration; these are for the people who decide, not silently applied.
    /// </summary>
    private static string VerificationNote(CaseRecord record)
    {
        if (record.Verifications.Count == 0)
        {
            return string.Empty;
        }

        string[] discrepancies = [.. record.Verifications.Where(v => v.Discrepancy).Select(v => v.Agency.ToCode())];
        string[] silent = [.. record.Verifications.Where(v => !VerificationTransitions.IsAnswered(v.State)).Select(v => v.Agency.ToCode())];
        int answered = record.Verifications.Count - silent.Length;
        string note = string.Create(CultureInfo.InvariantCulture, $" Economic verification: {answered} of {record.Verifications.Count} agencies answered");
        if (discrepancies.Length > 0) note += "; discrepancy reported by " + string.Join(", ", discrepancies);
        if (silent.Length > 0) note += "; no answer from " + string.Join(", ", silent);
        return note + (discrepancies.Length + silent.Length > 0 ? " — the approver must review before deciding." : ".");
    }
}
