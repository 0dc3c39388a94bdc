using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Leads;

namespace Relief.Functions.Leads;

/// <summary>
/// <c>POST /api/leads/{leadId}/visit</c> (核实走访): the visit's findings (<c>note</c>). The visit deadline no longer
/// applies; the lead is then closed or converted into an application. 200 with the lead; 400; 403; 404; 409.
/// </summary>
public sealed class RecordLeadVisit(LeadActions actions)
{
    [Function(nameof(RecordLeadVisit))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/{leadId}/visit")] HttpRequest request,
        string leadId,
        CancellationToken cancellationToken) =>
        actions.RunAsync(request, leadId, LeadTrigger.Visit, (body, lead, caller, now) => lead with
        {
            VisitedAt = now,
            Findings = body.Note!.Trim(),
            History = [.. lead.History, new LeadEvent(now, caller.Actor, (lead.IsOverdueAt(now) ? "Visited after the deadline (逾期核实): " : "Visited (核实走访): ") + body.Note!.Trim())],
        }, cancellationToken);
}
