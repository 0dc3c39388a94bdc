using Microsoft.AspNetCore.Http;
using Relief.Cases.Leads;
using Relief.Cases.Storage.Feeds;
using Relief.Domain.Validation;
using Relief.Functions.Applications;
using Relief.Functions.Http;
using Relief.Functions.Identity;

namespace Relief.Functions.Leads;

/// <summary>
/// One lead action through the transition table (<see cref="LeadTransitions"/>), under the lead's ETag: the lead must
/// be in the caller's jurisdiction (403), the trigger allowed in its state (409 naming the state), and a concurrent
/// change is re-read and the action re-checked against what won (so two conflicting actions never both apply).
/// </summary>
public sealed class LeadActions(LeadStore leads, TimeProvider time)
{
    /// <summary>Longest note accepted.</summary>
    public const int MaxNote = 2000;

    /// <summary>Reads and checks the body of an assign/visit/close action.</summary>
    public static IReadOnlyList<ValidationError> Check(LeadActionRequest body, LeadTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new List<ValidationError>();
        if (body.Actor is not null) errors.Add(ActorField.Refused);
        if (trigger is LeadTrigger.Visit or LeadTrigger.Close)
        {
            string meaning = trigger == LeadTrigger.Visit ? "the visit's findings" : "why the lead is closed";
            if (string.IsNullOrWhiteSpace(body.Note)) errors.Add(new ValidationError("note", $"note: {meaning}, 1–{MaxNote} characters."));
            else if (FreeText.Problem("note", body.Note, MaxNote) is { } problem) errors.Add(new ValidationError("note", problem));
        }

        if (trigger == LeadTrigger.Assign && body.AssignTo is not null && !OperatorIds.IsValid(body.AssignTo))
        {
            errors.Add(new ValidationError("assignTo", "assignTo: an operator id (letters, digits, '-', '_', '.'; 1–64 characters)."));
        }

        return errors;
    }

    /// <summary>
    /// Reads and checks the body of an assign/visit/close action (400 naming every bad field), then applies it through
    /// <see cref="ApplyAsync"/> with <paramref name="change"/> given the body.
    /// </summary>
    public async Task<IResult> RunAsync(HttpRequest request, string leadId, LeadTrigger trigger, Func<LeadActionRequest, Lead, Caller, DateTimeOffset, Lead> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var body = await JsonBodies.ReadAsync<LeadActionRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!body.IsValid) return body.Problem!;
        var errors = Check(body.Value!, trigger);
        if (errors.Count > 0) return Problems.Validation(errors);
        return await ApplyAsync(request, leadId, trigger, (lead, caller, now) => change(body.Value!, lead, caller, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies <paramref name="trigger"/> to lead <paramref name="leadId"/> with <paramref name="change"/>; the HTTP answer.</summary>
    public async Task<IResult> ApplyAsync(HttpRequest request, string leadId, LeadTrigger trigger, Func<Lead, Caller, DateTimeOffset, Lead> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(change);
        Caller caller = request.Caller();
        for (int attempt = 0; attempt < 5; attempt++)
        {
            StoredLead? stored = await leads.GetAsync(leadId, cancellationToken).ConfigureAwait(false);
            if (stored is null) return LeadView.NotFound(leadId);
            if (CaseAccess.CheckJurisdiction(request, stored.Lead.Jurisdiction, $"Lead '{leadId}'") is { } forbidden) return forbidden;
            if (LeadTransitions.Apply(stored.Lead.State, trigger) is not { } next)
            {
                return Problems.Conflict("Invalid lead action", $"Lead '{leadId}' is {stored.Lead.State}; '{trigger.ToString().ToLowerInvariant()}' is not allowed then.");
            }

            DateTimeOffset now = time.GetUtcNow();
            Lead changed = change(stored.Lead, caller, now) with { State = next };
            if (await leads.UpdateAsync(changed, stored.ETag, cancellationToken).ConfigureAwait(false))
            {
                return TypedResults.Ok(LeadView.Of(changed, caller.Role, now));
            }
        }

        return Problems.Conflict("Lead changed meanwhile", $"Lead '{leadId}' kept changing; read it again and retry.");
    }
}
