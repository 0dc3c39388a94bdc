using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using Relief.Cases.Audit;
using Relief.Cases.Deadlines;
using Relief.Cases.Intake;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Queues;
using Relief.Cases.Verification;
using Relief.Domain.Calendar;

namespace Relief.Functions.Workflows.Activities;

/// <summary>
/// Activity: asks every agency to confirm the household's economic situation (经济状况核对): records one request per
/// agency on the case, then writes one message per agency to the requests queue, naming the answer queue and the
/// answer limit. Idempotent: a retry adds no second request record and resends with the same request ids.
/// </summary>
public sealed class RequestEconomicVerification(
    CaseApplications applications,
    CaseUpdates updates,
    CaseDeadlinePlanner planner,
    IVerificationRequestWriter requests)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(RequestEconomicVerification);

    [Function(Name)]
    public async Task<VerificationPlan> RunAsync([ActivityTrigger] VerificationRequestInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var record = await applications.RecordAsync(input.CaseId, cancellationToken).ConfigureAwait(false);
        var application = await applications.ApplicationAsync(record, cancellationToken).ConfigureAwait(false);
        if (!application.ConsentToEconomicVerification)
        {
            // Intake refuses such an application for these programs; reaching here is a bug, not a business outcome.
            throw new InvalidOperationException($"Case {input.CaseId} has no consent to economic verification (核对授权).");
        }

        var policy = applications.Policy(application, ChinaStandardTime.DateOf(input.RequestedAt));
        var start = planner.EconomicVerificationStart(input.RequestedAt, policy);
        var answers = planner.EconomicVerificationAnswers(input.RequestedAt, policy: policy);
        var agencies = VerificationAgencies.All;
        var records = agencies.Select(a => new VerificationRecord(a, VerificationRecord.RequestIdOf(input.CaseId, a), VerificationState.Requested, input.RequestedAt, answers.ExpiresAt));
        await updates.UpdateAsync(input.CaseId, r => r.WithVerifications(records), cancellationToken).ConfigureAwait(false);

        string[] residentIds = [.. application.Household.Members.Select(m => m.Id.Value)];
        foreach (var agency in agencies)
        {
            await requests.WriteAsync(new EconomicVerificationRequestMessage(
                VerificationRecord.RequestIdOf(input.CaseId, agency), input.CaseId, agency.ToCode(), record.Jurisdiction,
                input.RequestedAt, answers.ExpiresAt, residentIds, requests.AnswerQueueName), cancellationToken).ConfigureAwait(false);
        }

        string summary = string.Create(CultureInfo.InvariantCulture,
            $"Economic verification requested (经济状况核对) from {agencies.Count} agencies: {string.Join(", ", agencies.Select(a => a.ToCode()))}; answers due {answers.DueDate:yyyy-MM-dd}.");
        await updates.AppendWorkflowAsync(input.CaseId, input.OperationId, input.Step.ToString(), input.RequestedAt,
            [new AuditNote(AuditEntryKind.Action, "system", summary)], cancellationToken).ConfigureAwait(false);
        return new VerificationPlan(agencies, start, answers);
    }
}
