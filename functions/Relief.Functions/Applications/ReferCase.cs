using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Relief.Cases.Audit;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Records;
using Relief.Cases.Storage;
using Relief.Domain.Calendar;
using Relief.Domain.Policies;
using Relief.Domain.Validation;
using Relief.Functions.Http;
using Relief.Functions.Identity;
using Relief.Functions.Workflows;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>POST /api/applications/{id}/referrals</c>: refers an emergency case (急难型) on to dibao or tekun when the hardship
/// lasts (转诊, seed 000): opens a new case of that program from the household already on file — with the applicant's
/// consent to economic verification, which the emergency track did not need — and links the two. Special assistance
/// (medical, education, housing, employment) goes through <c>/transfers</c> instead. Idempotent: the referred case id
/// is derived from the emergency case and the program, so a retry answers with the same case. 202 with the new case's
/// status URL; 400 listing every problem (also what the household on file lacks for the program); 409 for a case that
/// is not an emergency case.
/// </summary>
public sealed class ReferCase(
    IPolicyCatalog catalog,
    ICaseStore cases,
    CaseUpdates updates,
    CaseAccess access,
    BeneficiaryIdentifier households,
    TimeProvider time,
    ILogger<ReferCase> logger)
{
    [Function(nameof(ReferCase))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/referrals")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var read = await JsonBodies.ReadAsync<ReferralRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!read.IsValid) return read.Problem!;
        ReferralRequest body = read.Value!;
        var errors = new List<ValidationError>();
        if (body.Actor is not null) errors.Add(ActorField.Refused);

        if (!AssistancePrograms.TryParse(body.Program, out var program) || program is not (AssistanceProgram.Dibao or AssistanceProgram.Tekun))
        {
            errors.Add(new ValidationError("program", "program: 'dibao' or 'tekun'; special assistance (专项救助) is transferred to its department with POST /transfers."));
        }

        if (body.ConsentToEconomicVerification != true)
        {
            errors.Add(new ValidationError("consentToEconomicVerification", "consentToEconomicVerification: must be true: the applicant's consent to economic verification (核对授权) is needed for dibao and tekun."));
        }

        if (FreeText.Problem("note", body.Note, CaseActions.MaxText) is { } badNote)
        {
            errors.Add(new ValidationError("note", badNote));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        string? sourceId = Problems.CaseId(id);
        var source = sourceId is null ? null : await cases.GetAsync(sourceId, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return Problems.CaseNotFound(id ?? string.Empty);
        }

        if (access.Check(request, source, nameof(ReferCase)) is { } forbidden) return forbidden;
        if (source.Program != AssistanceProgram.TemporaryEmergency)
        {
            return Problems.Conflict("Not an emergency case", $"Case {source.CaseId} is a {source.Program.ToCode()} case; only emergency cases (急难型) are referred on (转诊).");
        }

        ApplicationRequest original = await cases.GetApplicationAsync(source.CaseId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {source.CaseId} has no stored application.");
        ApplicationRequest referred = original with { Program = program.ToCode(), ConsentToEconomicVerification = true, Temporary = null };
        DateTimeOffset now = time.GetUtcNow();
        var valid = ApplicationValidator.Validate(referred, ChinaStandardTime.DateOf(now), catalog);
        if (!valid.IsValid)
        {
            return Problems.Validation(valid.Errors, $"The household on file lacks what {program.ToCode()} needs; every problem is listed — submit a new application with them.");
        }

        string caseId = ReferredCaseId(source.CaseId, program);
        // One open case per household and program (一户一案): a referral into a program the household already has open is refused.
        var slot = await cases.ClaimOpenCaseAsync(program, households.Of(valid.Value), caseId, cancellationToken).ConfigureAwait(false);
        if (!slot.Claimed)
        {
            return Problems.OpenCase(program.ToCode(), slot.OpenCaseId, "the emergency case is not referred again.");
        }

        var record = new CaseRecord
        {
            CaseId = caseId,
            Program = program,
            Jurisdiction = valid.Value.Household.Jurisdiction.ToString(),
            Step = CaseStep.Submitted,
            CreatedAt = now,
            UpdatedAt = now,
            Links = [new CaseLink(CaseLinkKind.ReferredFrom, source.CaseId, source.Program)],
            ApplicantSubject = source.ApplicantSubject,
        };
        var created = await cases.CreateAsync(record, referred, cancellationToken).ConfigureAwait(false);
        var referredTo = new CaseLink(CaseLinkKind.ReferredTo, caseId, program);
        await updates.UpdateAsync(source.CaseId, r => r.Links.Contains(referredTo) ? null : r.WithLink(referredTo), cancellationToken).ConfigureAwait(false);
        string actor = request.Caller().Actor;
        string note = body.Note is { Length: > 0 } n ? " " + n.Trim() : string.Empty;
        await updates.AppendAsync(source.CaseId, "referral:" + caseId, source.Step.ToString(), now,
            [new AuditNote(AuditEntryKind.Action, actor, $"Referred (转诊) to {program.ToCode()}: case {caseId}; the hardship lasts." + note)], cancellationToken).ConfigureAwait(false);

        var input = new CaseWorkflowInput(caseId, program, created.Record.Jurisdiction, created.Record.CreatedAt);
        if (await Instances.StartOnceAsync(durable, CaseOrchestrator.Name, caseId, input, cancellationToken).ConfigureAwait(false))
        {
            await updates.AppendAsync(caseId, "referred-from:" + source.CaseId, CaseStep.Submitted.ToString(), now,
                [new AuditNote(AuditEntryKind.Action, actor, $"Opened by referral (转诊) from emergency case {source.CaseId}, with the applicant's consent to economic verification.")], cancellationToken).ConfigureAwait(false);
            Logs.CaseReferred(logger, source.CaseId, caseId, program.ToCode());
        }

        string status = Problems.StatusUrl(caseId);
        return TypedResults.Accepted(status, new ReferralAccepted(caseId, source.CaseId, program.ToCode(), status));
    }

    /// <summary>The referred case's id: a hash of the emergency case and the program, so a retry finds the same case.</summary>
    public static string ReferredCaseId(string sourceCaseId, AssistanceProgram program) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"referral|{sourceCaseId}|{program.ToCode()}")))[..32];
}

/// <summary>The body of <c>POST /api/applications/{id}/referrals</c>.</summary>
public sealed record ReferralRequest
{
    /// <summary>Refused when present: who refers comes from the token.</summary>
    public string? Actor { get; init; }

    /// <summary><c>dibao</c> or <c>tekun</c>.</summary>
    public string? Program { get; init; }

    /// <summary>The applicant's consent to economic verification (核对授权), recorded by the caseworker; must be true.</summary>
    public bool? ConsentToEconomicVerification { get; init; }

    /// <summary>Why, free of personal data.</summary>
    public string? Note { get; init; }
}

/// <summary>The 202 answer of a referral.</summary>
/// <param name="CaseId">The new case.</param>
/// <param name="ReferredFrom">The emergency case.</param>
/// <param name="Program">The new case's program.</param>
/// <param name="StatusUrl">Where to follow the new case.</param>
public sealed record ReferralAccepted(string CaseId, string ReferredFrom, string Program, string StatusUrl);
