using System.Globalization;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Relief.Cases.Audit;
using Relief.Cases.Lifecycle;
using Relief.Cases.Records;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Queues;
using Relief.Cases.Verification;
using Relief.Functions.Workflows;
using Relief.Cases.Reviews;
using Relief.Cases.Storage.Reviews;
using Relief.Functions.Reviews.Activities;

namespace Relief.Functions.Verification;

/// <summary>
/// Queue <c>economic-verification-answers</c> (setting <c>Relief:Cases:Verification:AnswerQueueName</c>; the host
/// resolves it, so it must be set in the app settings): an agency's
/// answer to an economic-verification request (核对反馈). The answer is first stored on the case record and in the audit
/// trail (so it is kept even if the case has ended), then raised into the case orchestration as
/// <see cref="CaseOrchestrator.AnswerEvent"/> — on every delivery while the case runs, so a crash between the store
/// and the raise cannot leave the case waiting for an answer it has. A message that names no known case or request throws: it is
/// retried and then moved to the poison queue with the reason — never dropped. A repeated answer changes nothing on the record.
/// </summary>
public sealed class ReceiveVerificationAnswer(ICaseStore cases, CaseUpdates updates, ReviewStore reviews, TimeProvider time, ILogger<ReceiveVerificationAnswer> logger)
{
    /// <summary>The setting naming the queue.</summary>
    public const string QueueSetting = VerificationQueueOptions.AnswerQueueSetting;

    /// <summary>Longest finding accepted.</summary>
    public const int MaxSummary = 2000;

    [Function(nameof(ReceiveVerificationAnswer))]
    public async Task RunAsync(
        [QueueTrigger("%" + QueueSetting + "%")] string body,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var message = Parse(body);
        var (agency, summary) = Validate(message);
        if (message.CaseId!.StartsWith("rv_", StringComparison.Ordinal))
        {
            await ReviewAnswerAsync(message, agency, summary, cancellationToken).ConfigureAwait(false);
            return;
        }

        CaseRecord record = await cases.GetAsync(message.CaseId!, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"caseId: case '{message.CaseId}' does not exist; the answer to request '{message.RequestId}' cannot be applied.");
        VerificationRecord request = record.Verifications.FirstOrDefault(v => v.Agency == agency)
            ?? throw new InvalidOperationException($"agency: case '{record.CaseId}' has no verification request to '{agency.ToCode()}'.");
        if (!string.Equals(request.RequestId, message.RequestId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"requestId: '{message.RequestId}' is not the request sent to '{agency.ToCode()}' for case '{record.CaseId}' (expected '{request.RequestId}').");
        }

        DateTimeOffset at = time.GetUtcNow();
        bool discrepancy = message.Discrepancy == true;
        if (request.State is VerificationState.Answered or VerificationState.AnsweredLate)
        {
            CaseStep step = await CorrectionAsync(record, request, agency, summary, discrepancy, at, cancellationToken).ConfigureAwait(false);

            // Raised again: a first delivery may have stored the answer and died before raising it (kill -9 between
            // the two), and the case would then wait for an answer it has. The orchestration ignores an agency it no
            // longer awaits, so raising twice is harmless; raising never is not.
            await RaiseAsync(durable, record.CaseId, step, agency, discrepancy, cancellationToken).ConfigureAwait(false);
            return;
        }

        bool late = request.State == VerificationState.Overdue;
        CaseRecord stored = await updates.UpdateAsync(record.CaseId, r => r.ApplyVerification(agency, VerificationTrigger.Answer, at, summary, discrepancy), cancellationToken).ConfigureAwait(false);
        string text = string.Create(CultureInfo.InvariantCulture,
            $"Economic-verification answer (核对反馈) from {agency.ToCode()}{(late ? ", after its deadline" : string.Empty)}: {summary}{(discrepancy ? " — DISCREPANCY with the declaration; the approver must review it." : string.Empty)}");

        // Audit once per request: a redelivered message appends nothing new.
        await updates.AppendAsync(record.CaseId, request.RequestId + ":answer", stored.Step.ToString(), at,
            [new AuditNote(AuditEntryKind.Action, "agency:" + agency.ToCode(), text)], cancellationToken).ConfigureAwait(false);
        await RaiseAsync(durable, record.CaseId, stored.Step, agency, discrepancy, cancellationToken).ConfigureAwait(false);
        Logs.VerificationAnswered(logger, record.CaseId, request.RequestId, late);
    }

    /// <summary>Raises the answer into the case orchestration, unless the case has ended (its trail keeps the answer).</summary>
    private static async Task RaiseAsync(DurableTaskClient durable, string caseId, CaseStep step, VerificationAgency agency, bool discrepancy, CancellationToken cancellationToken)
    {
        if (!CaseTransitions.IsTerminal(step))
        {
            await durable.RaiseEventAsync(caseId, CaseOrchestrator.AnswerEvent, new VerificationAnswerEvent(agency, discrepancy), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A second answer from an agency that already answered: the same one again (a redelivery) changes nothing; a
    /// different one is a correction (更正) — the answer in force, the earlier one kept on the record, a line in the audit
    /// trail (once per content), and the approver sees both in the status. Returns the case's step.
    /// </summary>
    private async Task<CaseStep> CorrectionAsync(CaseRecord record, VerificationRecord request, VerificationAgency agency, string summary, bool discrepancy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (request.Summary == summary && request.Discrepancy == discrepancy)
        {
            Logs.VerificationRepeated(logger, record.CaseId, request.RequestId);
            return record.Step;
        }

        CaseRecord stored = await updates.UpdateAsync(record.CaseId, r => r.CorrectVerification(agency, at, summary, discrepancy), cancellationToken).ConfigureAwait(false);
        string content = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{summary}|{discrepancy}")))[..16];
        string text = $"Economic-verification answer CORRECTED (核对更正) by {agency.ToCode()}: {summary}{(discrepancy ? " — DISCREPANCY with the declaration; the approver must review it." : string.Empty)} Earlier answer: {request.Summary}{(request.Discrepancy ? " (discrepancy)" : string.Empty)}.";
        await updates.AppendAsync(record.CaseId, request.RequestId + ":correction:" + content, stored.Step.ToString(), at,
            [new AuditNote(AuditEntryKind.Action, "agency:" + agency.ToCode(), text)], cancellationToken).ConfigureAwait(false);
        Logs.VerificationCorrected(logger, record.CaseId, request.RequestId, discrepancy);
        return stored.Step;
    }

    /// <summary>
    /// A re-verification answer for a review (复核反馈; the review id in place of the case id): kept in the enrolling
    /// case's audit trail, once per request, for the caseworker's findings. An unknown review or request throws
    /// (retried, then poison — never dropped).
    /// </summary>
    private async Task ReviewAnswerAsync(EconomicVerificationAnswerMessage message, VerificationAgency agency, string summary, CancellationToken cancellationToken)
    {
        ReviewRecord review = await reviews.GetReviewAsync(message.CaseId!, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"caseId: review '{message.CaseId}' does not exist; the answer to request '{message.RequestId}' cannot be applied.");
        string expected = OpenReview.RequestIdOf(review.ReviewId, agency);
        if (!string.Equals(expected, message.RequestId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"requestId: '{message.RequestId}' is not the request sent to '{agency.ToCode()}' for review '{review.ReviewId}' (expected '{expected}').");
        }

        bool discrepancy = message.Discrepancy == true;
        string text = string.Create(CultureInfo.InvariantCulture,
            $"Re-verification answer (复核反馈) from {agency.ToCode()} for review {review.ReviewId}: {summary}{(discrepancy ? " — DISCREPANCY with the household's facts; the findings must address it." : string.Empty)}");
        await updates.AppendAsync(review.CaseId, expected + ":answer", "Review", time.GetUtcNow(),
            [new AuditNote(AuditEntryKind.Action, "agency:" + agency.ToCode(), text)], cancellationToken).ConfigureAwait(false);
        Logs.VerificationAnswered(logger, review.ReviewId, expected, false);
    }

    /// <summary>The message as JSON; anything else is refused with the reason (retried, then poison — never dropped).</summary>
    private static EconomicVerificationAnswerMessage Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<EconomicVerificationAnswerMessage>(text, StorageJson.Options)
                ?? throw new FormatException("Invalid economic-verification answer: the message is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Invalid economic-verification answer: not the documented JSON ({ex.Path ?? "$"}, line {ex.LineNumber + 1}).", ex);
        }
    }

    private static (VerificationAgency Agency, string Summary) Validate(EconomicVerificationAnswerMessage message)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(message.CaseId))
        {
            errors.Add("caseId: is required.");
        }

        if (string.IsNullOrWhiteSpace(message.RequestId))
        {
            errors.Add("requestId: is required (the id sent with the request).");
        }

        if (!VerificationAgencies.TryParse(message.Agency, out var agency))
        {
            errors.Add($"agency: must be one of {VerificationAgencies.Codes}.");
        }

        if (string.IsNullOrWhiteSpace(message.Summary) || message.Summary.Length > MaxSummary)
        {
            errors.Add($"summary: the finding in words is required, 1–{MaxSummary} characters.");
        }

        return errors.Count == 0
            ? (agency, message.Summary!.Trim())
            : throw new FormatException("Invalid economic-verification answer: " + string.Join(" ", errors));
    }
}
