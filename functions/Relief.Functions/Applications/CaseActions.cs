using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Relief.Cases.Lifecycle;
using Relief.Cases.Records;
using Relief.Cases.Storage;
using Relief.Domain.Decisions;
using Relief.Domain.Validation;
using Microsoft.DurableTask.Client;
using Relief.Functions.Http;
using Relief.Functions.Identity;
using Relief.Functions.Workflows;

namespace Relief.Functions.Applications;

/// <summary>
/// What every case-action function does: check the body (free text without control characters, no actor field), find
/// the case (404), check the caller may reach it (403: jurisdiction, own application), separation of duties (an
/// investigator of the case may not decide it) and an override's reason, check the action against the stored step with
/// <see cref="CaseTransitions"/> (409 naming the step), raise it into the case orchestration with the signed-in caller as
/// actor, answer 202 with the status URL. The orchestration checks the action again against its own step and records
/// an action that lost a race as ignored.
/// </summary>
public sealed class CaseActions(ICaseStore cases, CaseAccess access, TimeProvider time, ILogger<CaseActions> logger)
{
    /// <summary>Longest note or reason accepted.</summary>
    public const int MaxText = 2000;

    /// <summary>Attempts to write an action's claim while the workflow writes the same case.</summary>
    private const int MaxClaimAttempts = 10;

    /// <summary>Most reasons in one action.</summary>
    public const int MaxReasons = 50;

    /// <summary>Reads the JSON body of <paramref name="request"/> and runs the action on case <paramref name="id"/>.</summary>
    public async Task<IResult> RaiseAsync(HttpRequest request, string id, DurableTaskClient durable, CaseTrigger trigger, CancellationToken cancellationToken)
    {
        var body = await JsonBodies.ReadAsync<CaseActionRequest>(request, cancellationToken).ConfigureAwait(false);
        return body.IsValid ? await RaiseAsync(request, body.Value!, id, durable, trigger, cancellationToken).ConfigureAwait(false) : body.Problem!;
    }

    /// <summary>Runs an action on case <paramref name="id"/> (the route value).</summary>
    public async Task<IResult> RaiseAsync(HttpRequest request, CaseActionRequest body, string id, DurableTaskClient durable, CaseTrigger trigger, CancellationToken cancellationToken,
        IReadOnlyList<string>? reasons = null, params ValidationError[] extraErrors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(body);
        Caller caller = request.Caller();
        var errors = new List<ValidationError>(extraErrors);
        Check(body, errors);
        var investigators = trigger == CaseTrigger.RecordInvestigation ? Investigators(caller, body, errors) : null;
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        string? caseId = Problems.CaseId(id);
        var record = caseId is null ? null : await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Problems.CaseNotFound(id ?? string.Empty);
        }

        if (access.Check(request, record, trigger.ToString()) is { } forbidden) return forbidden;
        if (trigger is CaseTrigger.Approve or CaseTrigger.Reject && record.Investigators.Contains(caller.Subject, StringComparer.Ordinal))
        {
            Logs.DutiesSeparated(logger, record.CaseId, trigger);
            return CallerAccess.Forbidden($"Separation of duties: {caller.Subject} investigated case {record.CaseId} and may not decide it.");
        }

        bool overridden = false;
        if (trigger == CaseTrigger.Approve && record.Decision is { Outcome: not DecisionOutcome.Eligible } assessed)
        {
            if (!body.Override || string.IsNullOrWhiteSpace(body.Note))
            {
                return Problems.Conflict("Approval against the assessment needs an override",
                    $"The policy engine found case {record.CaseId} {assessed.Outcome} ({string.Join("; ", assessed.Reasons)}). Approving it anyway is an override (越权批准): send \"override\": true and the written reason in \"note\".");
            }

            overridden = true;
        }

        var check = CaseTransitions.Apply(record.Step, trigger);
        if (!check.IsValid)
        {
            Logs.ActionRefused(logger, record.CaseId, trigger, record.Step);
            return Problems.InvalidStep(check);
        }

        if (!await Instances.HasStartedAsync(durable, record.CaseId, cancellationToken).ConfigureAwait(false))
        {
            return Instances.NotStarted(request, "case " + record.CaseId);
        }

        // Of two step-changing actions at the same moment exactly one is accepted: the claim is written with the ETag read.
        // A write by the workflow in between (an agency's answer, a deadline) is not a conflict: read again and retry.
        for (int attempt = 0; check.To != record.Step; attempt++)
        {
            DateTimeOffset now = time.GetUtcNow();
            if (record.PendingAction is { } pending && pending.Blocks(record.Step, now))
            {
                Logs.ActionRefused(logger, record.CaseId, trigger, record.Step);
                return Problems.Conflict($"Another action is being applied in step '{record.Step}'",
                    $"{pending.Trigger} by {pending.Actor} was accepted on step {record.Step} of case {record.CaseId} at {pending.At:O}; {trigger} is not applied. Follow the status URL.");
            }

            if (await cases.TryUpdateAsync(record with { PendingAction = new CaseActionClaim(trigger, record.Step, caller.Actor, now) }, cancellationToken).ConfigureAwait(false) is not null)
            {
                break;
            }

            CaseStep before = record.Step;
            record = await cases.GetAsync(record.CaseId, cancellationToken).ConfigureAwait(false) ?? record;
            if (record.Step != before || attempt >= MaxClaimAttempts)
            {
                Logs.ActionRefused(logger, record.CaseId, trigger, record.Step);
                return Problems.Conflict($"The case moved on from step '{before}'",
                    $"Case {record.CaseId} moved from {before} to {record.Step} while {trigger} was being accepted; {trigger} is not applied. Read the status and act again if still needed.");
            }
        }

        var action = new CaseActionEvent(trigger, record.Step, caller.Actor, body.Note?.Trim(), reasons ?? body.Reasons, investigators, overridden);
        await durable.RaiseEventAsync(record.CaseId, CaseOrchestrator.ActionEvent, action, cancellationToken).ConfigureAwait(false);
        Logs.ActionRaised(logger, record.CaseId, trigger, record.Step);
        return TypedResults.Accepted(Problems.StatusUrl(record.CaseId), new CaseActionAccepted(record.CaseId, trigger.ToString(), record.Step.ToString(), check.To!.Value.ToString(), Problems.StatusUrl(record.CaseId)));
    }

    /// <summary>The body's own checks: no actor field, bounded free text without control characters.</summary>
    public static void Check(CaseActionRequest body, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(errors);
        if (body.Actor is not null)
        {
            errors.Add(new ValidationError("actor", "actor: not accepted: who acts comes from the sign-in token; remove the field."));
        }

        if (FreeText.Problem("note", body.Note, MaxText) is { } note) errors.Add(new ValidationError("note", note));
        if (body.Reasons is { Count: > MaxReasons }) errors.Add(new ValidationError("reasons", $"reasons: at most {MaxReasons}."));
        for (int i = 0; i < Math.Min(body.Reasons?.Count ?? 0, MaxReasons); i++)
        {
            string field = $"reasons[{i}]";
            if (string.IsNullOrWhiteSpace(body.Reasons![i])) errors.Add(new ValidationError(field, $"{field}: must not be empty."));
            else if (FreeText.Problem(field, body.Reasons[i], MaxText) is { } reason) errors.Add(new ValidationError(field, reason));
        }
    }

    /// <summary>The investigators of a home visit: the caller and the operator ids named (at least two in all, 57号).</summary>
    private static string[] Investigators(Caller caller, CaseActionRequest body, List<ValidationError> errors)
    {
        var named = (body.Investigators ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => OperatorIds.WithoutRole(i.Trim())).ToArray();
        if (named.Length > 20 || named.Any(i => !OperatorIds.IsValid(i)))
        {
            errors.Add(new ValidationError("investigators", "investigators: at most 20 operator ids (1–64 letters, digits, '.', '_', '-', '@'; never a name)."));
        }

        var all = named.Prepend(caller.Subject).Distinct(StringComparer.Ordinal).ToArray();
        if (all.Length < RecordInvestigation.MinInvestigators)
        {
            errors.Add(new ValidationError("investigators", $"investigators: at least {RecordInvestigation.MinInvestigators} different investigators are required (you and the operator ids of the others)."));
        }

        return all;
    }
}

/// <summary>The 202 answer of a case action.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Action">The action raised.</param>
/// <param name="Step">The step it was checked against.</param>
/// <param name="NextStep">The step it leads to once the workflow has applied it.</param>
/// <param name="StatusUrl">Where to follow the case.</param>
/// <param name="MissingMaterials">A return: every missing material (一次性告知).</param>
public sealed record CaseActionAccepted(string CaseId, string Action, string Step, string NextStep, string StatusUrl, IReadOnlyList<string>? MissingMaterials = null);
