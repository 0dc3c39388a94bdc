using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Relief.Cases.Lifecycle;
using Relief.Cases.Storage;
using Relief.Domain.Validation;
using Microsoft.DurableTask.Client;
using Relief.Functions.Http;
using Relief.Functions.Workflows;

namespace Relief.Functions.Applications;

/// <summary>
/// What every case-action function does: check the actor, find the case (404), check the action against the stored
/// step with <see cref="CaseTransitions"/> (409 naming the step), raise it into the case orchestration, answer 202 with
/// the status URL. The orchestration checks the action again against its own step.
/// </summary>
public sealed class CaseActions(ICaseStore cases, ILogger<CaseActions> logger)
{
    /// <summary>Longest note or reason accepted.</summary>
    public const int MaxText = 2000;

    /// <summary>Reads the JSON body of <paramref name="request"/> and runs the action on case <paramref name="id"/>.</summary>
    public async Task<IResult> RaiseAsync(HttpRequest request, string id, DurableTaskClient durable, CaseTrigger trigger, CancellationToken cancellationToken)
    {
        var body = await JsonBodies.ReadAsync<CaseActionRequest>(request, cancellationToken).ConfigureAwait(false);
        return body.IsValid ? await RaiseAsync(body.Value!, id, durable, trigger, cancellationToken).ConfigureAwait(false) : body.Problem!;
    }

    /// <summary>Runs an action on case <paramref name="id"/> (the route value).</summary>
    public async Task<IResult> RaiseAsync(CaseActionRequest body, string id, DurableTaskClient durable, CaseTrigger trigger, CancellationToken cancellationToken,
        IReadOnlyList<string>? reasons = null, params ValidationError[] extraErrors)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(body);
        var errors = new List<ValidationError>(extraErrors);
        if (string.IsNullOrWhiteSpace(body.Actor) || body.Actor.Length > 100)
        {
            errors.Add(new ValidationError("actor", "actor: is required: an operator id such as caseworker:0042 (at most 100 characters)."));
        }

        if (body.Note is { Length: > MaxText })
        {
            errors.Add(new ValidationError("note", $"note: at most {MaxText} characters."));
        }

        for (int i = 0; i < (body.Reasons?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(body.Reasons![i]) || body.Reasons[i].Length > MaxText)
            {
                errors.Add(new ValidationError($"reasons[{i}]", $"reasons[{i}]: must be 1–{MaxText} characters."));
            }
        }

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

        var check = CaseTransitions.Apply(record.Step, trigger);
        if (!check.IsValid)
        {
            Logs.ActionRefused(logger, record.CaseId, trigger, record.Step);
            return Problems.InvalidStep(check);
        }

        var action = new CaseActionEvent(trigger, record.Step, body.Actor!.Trim(), body.Note?.Trim(), reasons ?? body.Reasons);
        await durable.RaiseEventAsync(record.CaseId, CaseOrchestrator.ActionEvent, action, cancellationToken).ConfigureAwait(false);
        Logs.ActionRaised(logger, record.CaseId, trigger, record.Step);
        return TypedResults.Accepted(Problems.StatusUrl(record.CaseId), new CaseActionAccepted(record.CaseId, trigger.ToString(), record.Step.ToString(), check.To!.Value.ToString(), Problems.StatusUrl(record.CaseId)));
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
