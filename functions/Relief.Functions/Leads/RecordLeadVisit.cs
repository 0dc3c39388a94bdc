using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Leads;
using Relief.Functions.Applications;
using Relief.Functions.Http;

namespace Relief.Functions.Leads;

/// <summary>
/// <c>POST /api/leads/{leadId}/visit</c> (核实走访): the visit's findings (<c>note</c>). The visit deadline no longer
/// applies; the lead is then closed or converted into an application. 200 with the lead; 400; 403; 404; 409.
/// </summary>
public sealed class RecordLeadVisit(LeadActions actions)
{
    [Function(nameof(RecordLeadVisit))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/{leadId}/visit")] HttpRequest request,
        string leadId,
        CancellationToken cancellationToken)
    {
        var body = await JsonBodies.ReadAsync<LeadActionRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!body.IsValid) return body.Problem!;
        var errors = LeadActions.Check(body.Value!, LeadTrigger.Visit);
        if (errors.Count > 0) return Problems.Validation(errors);
        string note = body.Value!.Note!.Trim();
        return await actions.ApplyAsync(request, leadId, LeadTrigger.Visit, (lead, caller, now) => lead with
        {
            VisitedAt = now,
            Findings = note,
            History = [.. lead.History, new LeadEvent(now, caller.Actor, (lead.IsOverdueAt(now) ? "Visited after the deadline (逾期核实): " : "Visited (核实走访): ") + note)],
        }, cancellationToken).ConfigureAwait(false);
    }
}
