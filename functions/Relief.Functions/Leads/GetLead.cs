using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Storage.Feeds;
using Relief.Functions.Identity;

namespace Relief.Functions.Leads;

/// <summary><c>GET /api/leads/{leadId}</c>: one lead with its history. 403 outside the caller's jurisdiction; 404.</summary>
public sealed class GetLead(LeadStore leads, TimeProvider time)
{
    [Function(nameof(GetLead))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "leads/{leadId}")] HttpRequest request,
        string leadId,
        CancellationToken cancellationToken)
    {
        StoredLead? stored = await leads.GetAsync(leadId, cancellationToken).ConfigureAwait(false);
        if (stored is null) return LeadView.NotFound(leadId);
        if (CaseAccess.CheckJurisdiction(request, stored.Lead.Jurisdiction, $"Lead '{leadId}'") is { } forbidden) return forbidden;
        return TypedResults.Ok(LeadView.Of(stored.Lead, request.Caller().Role, time.GetUtcNow()));
    }
}
