using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Leads;

namespace Relief.Functions.Leads;

/// <summary>
/// <c>POST /api/leads/{leadId}/close</c> (办结): closes the lead with its written reason (<c>note</c>, e.g. "not in
/// need: income verified"). The person's open-lead slot is released: a later record may raise a new lead.
/// 200 with the lead; 400; 403; 404; 409 when already closed or converted.
/// </summary>
public sealed class CloseLead(LeadActions actions)
{
    [Function(nameof(CloseLead))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/{leadId}/close")] HttpRequest request,
        string leadId,
        CancellationToken cancellationToken) =>
        actions.RunAsync(request, leadId, LeadTrigger.Close, (body, lead, caller, now) => lead with
        {
            ClosedReason = body.Note!.Trim(),
            History = [.. lead.History, new LeadEvent(now, caller.Actor, "Closed (办结): " + body.Note!.Trim())],
        }, cancellationToken);
}
