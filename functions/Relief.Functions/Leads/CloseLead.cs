using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Leads;
using Relief.Functions.Applications;
using Relief.Functions.Http;

namespace Relief.Functions.Leads;

/// <summary>
/// <c>POST /api/leads/{leadId}/close</c> (办结): closes the lead with its written reason (<c>note</c>, e.g. "not in
/// need: income verified"). The person's open-lead slot is released: a later record may raise a new lead.
/// 200 with the lead; 400; 403; 404; 409 when already closed or converted.
/// </summary>
public sealed class CloseLead(LeadActions actions)
{
    [Function(nameof(CloseLead))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/{leadId}/close")] HttpRequest request,
        string leadId,
        CancellationToken cancellationToken)
    {
        var body = await JsonBodies.ReadAsync<LeadActionRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!body.IsValid) return body.Problem!;
        var errors = LeadActions.Check(body.Value!, LeadTrigger.Close);
        if (errors.Count > 0) return Problems.Validation(errors);
        string note = body.Value!.Note!.Trim();
        return await actions.ApplyAsync(request, leadId, LeadTrigger.Close, (lead, caller, now) => lead with
        {
            ClosedReason = note,
            History = [.. lead.History, new LeadEvent(now, caller.Actor, "Closed (办结): " + note)],
        }, cancellationToken).ConfigureAwait(false);
    }
}
