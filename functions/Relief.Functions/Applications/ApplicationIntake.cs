using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Relief.Cases.Identifiers;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Records;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Idempotency;
using Relief.Domain.Calendar;
using Relief.Domain.Policies;
using Relief.Functions.Identity;
using Relief.Functions.Workflows;

namespace Relief.Functions.Applications;

/// <summary>
/// Taking in an application (受理前的申请登记), shared by <c>POST /api/applications</c> and a lead's conversion: validates
/// everything and lists every problem at once (400, 一次性告知); with an idempotency key a retry returns the same case
/// (a different body under the same key → 422); one open case per household and program (409 naming it); stores the
/// case and its application and starts its orchestration (instance id = case id); 202 with the case id and the status
/// URL in <c>Location</c>.
/// </summary>
public sealed class ApplicationIntake(
    IPolicyCatalog catalog,
    IIdentifierSource ids,
    IIdempotencyStore idempotency,
    ICaseStore cases,
    BeneficiaryIdentifier households,
    TimeProvider time,
    ILogger<ApplicationIntake> logger)
{
    /// <summary>The idempotency header.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Longest key accepted.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>
    /// Submits <paramref name="body"/> for the caller of <paramref name="request"/>; <paramref name="key"/> (optional)
    /// is unique within <paramref name="keyScope"/>. Returns the HTTP answer and, when accepted, the case id.
    /// </summary>
    public async Task<(IResult Result, string? CaseId)> SubmitAsync(HttpRequest request, ApplicationRequest body, string? key, string keyScope, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        DateTimeOffset now = time.GetUtcNow();
        var valid = ApplicationValidator.Validate(body, ChinaStandardTime.DateOf(now), catalog);
        if (!valid.IsValid)
        {
            Logs.ApplicationInvalid(logger, valid.Errors.Count);
            return (Problems.Validation(valid.Errors, "The application has errors; every one is listed (一次性告知)."), null);
        }

        // An applicant applies for himself anywhere; window staff take in applications of their own jurisdictions only.
        Caller caller = request.Caller();
        string jurisdiction = valid.Value.Household.Jurisdiction.ToString();
        if (!caller.IsApplicant && CaseAccess.CheckJurisdiction(request, jurisdiction, "The application") is { } forbidden) return (forbidden, null);

        string caseId = ids.NewId();
        if (key is not null)
        {
            // Keys are the caller's own: another caller's key neither replays nor reveals his case.
            var claim = await idempotency.ClaimAsync(keyScope, key, RequestHash.OfJson(body), caseId, cancellationToken).ConfigureAwait(false);
            if (claim.Outcome == IdempotencyOutcome.Conflict)
            {
                return (TypedResults.Problem(title: "Idempotency-Key reused with another application",
                    detail: "This Idempotency-Key was already used for a different application; use a new key.", statusCode: StatusCodes.Status422UnprocessableEntity), null);
            }

            if (claim.Outcome == IdempotencyOutcome.Replayed)
            {
                Logs.ApplicationReplayed(logger, claim.CaseId);
            }

            caseId = claim.CaseId;
        }

        var record = new CaseRecord
        {
            CaseId = caseId,
            Program = valid.Value.Program,
            Jurisdiction = jurisdiction,
            Step = CaseStep.Submitted,
            ApplicantSubject = caller.IsApplicant ? caller.Subject : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // One open case per household and program (一户一案): a second application while one is open is a 409 naming it.
        var slot = await cases.ClaimOpenCaseAsync(valid.Value.Program, households.Of(valid.Value), caseId, cancellationToken).ConfigureAwait(false);
        if (!slot.Claimed)
        {
            Logs.ApplicationDuplicate(logger, slot.OpenCaseId, valid.Value.Program.ToCode());
            return (Problems.OpenCase(valid.Value.Program.ToCode(), slot.OpenCaseId, "follow it, or withdraw it before applying again."), null);
        }

        var created = await cases.CreateAsync(record, body, cancellationToken).ConfigureAwait(false);
        var input = new CaseWorkflowInput(caseId, created.Record.Program, created.Record.Jurisdiction, created.Record.CreatedAt);
        if (await Instances.StartOnceAsync(durable, CaseOrchestrator.Name, caseId, input, cancellationToken).ConfigureAwait(false))
        {
            Logs.CaseCreated(logger, caseId, valid.Value.Program.ToCode());
        }

        string status = Problems.StatusUrl(caseId);
        return (TypedResults.Accepted(status, new ApplicationAccepted(caseId, created.Record.Step.ToString(), status)), caseId);
    }
}
