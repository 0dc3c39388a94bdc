using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Leads;

namespace Relief.Functions.Leads;

/// <summary>
/// <c>POST /api/leads/{leadId}/assign</c> (分派): a township worker takes the lead (<c>assignTo</c>, default the caller).
/// 200 with the lead; 400 naming bad fields; 403 outside the caller's jurisdiction; 404; 409 when no longer open.
/// </summary>
public sealed class AssignLead(LeadActions actions)
{
    [Function(nameof(AssignLead))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/{leadId}/assign")] HttpRequest request,
        string leadId,
        CancellationToken cancellationToken) =>
        actions.RunAsync(request, leadId, LeadTrigger.Assign, (body, lead, caller, now) =>
        {
            string to = body.AssignTo ?? caller.Subject;
            return lead with { AssignedTo = to, History = [.. lead.History, new LeadEvent(now, caller.Actor, $"Assigned to {to} (分派).")] };
        }, cancellationToken);
}
