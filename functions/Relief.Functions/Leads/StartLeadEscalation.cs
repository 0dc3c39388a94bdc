using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Relief.Functions.Leads;

/// <summary><c>POST /api/leads/escalations</c> (administrator): runs the overdue-lead escalation now; 200 with how many were escalated.</summary>
public sealed class StartLeadEscalation(LeadEscalation escalation)
{
    [Function(nameof(StartLeadEscalation))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/escalations")] HttpRequest request,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(new { escalated = await escalation.RunAsync(cancellationToken).ConfigureAwait(false) });
}
