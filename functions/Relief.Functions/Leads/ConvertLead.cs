using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Intake;
using Relief.Cases.Leads;
using Relief.Cases.Storage.Feeds;
using Relief.Domain.Households;
using Relief.Functions.Applications;
using Relief.Functions.Http;
using Relief.Functions.Identity;

namespace Relief.Functions.Leads;

/// <summary>
/// <c>POST /api/leads/{leadId}/convert</c> (转为救助申请): after the visit, the lead becomes an application, pre-filled
/// from it — the lead's jurisdiction, and the lead's person as the applicant when <c>members</c> is left out (when
/// given, the person must be among them); the program defaults to <c>dibao</c>. The application goes through the same
/// intake as <c>POST /api/applications</c> (every problem listed at once; one open case per household and program),
/// keyed by the lead: converting again returns the same case. 202 with the case and the lead; 400; 403; 404; 409 when
/// the lead is not visited yet or already closed.
/// </summary>
public sealed class ConvertLead(LeadStore leads, ApplicationIntake intake, TimeProvider time)
{
    [Function(nameof(ConvertLead))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/{leadId}/convert")] HttpRequest request,
        string leadId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await JsonBodies.ReadAsync<LeadConversionRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!body.IsValid) return body.Problem!;
        StoredLead? stored = await leads.GetAsync(leadId, cancellationToken).ConfigureAwait(false);
        if (stored is null) return LeadView.NotFound(leadId);
        Lead lead = stored.Lead;
        if (CaseAccess.CheckJurisdiction(request, lead.Jurisdiction, $"Lead '{leadId}'") is { } forbidden) return forbidden;
        if (lead.State != LeadState.Converted && LeadTransitions.Apply(lead.State, LeadTrigger.Convert) is null)
        {
            return Problems.Conflict("Invalid lead action", $"Lead '{leadId}' is {lead.State}; only a visited lead becomes an application.");
        }

        ApplicationRequest application = body.Value!.Application ?? new ApplicationRequest();
        application = application with
        {
            Program = application.Program ?? "dibao",
            Jurisdiction = application.Jurisdiction ?? lead.Jurisdiction,
            Members = application.Members ?? [new MemberRequest { ResidentId = lead.ResidentId, Relationship = "applicant" }],
        };
        if (!application.Members!.Any(m => string.Equals(m.ResidentId?.Trim(), lead.ResidentId, StringComparison.OrdinalIgnoreCase)))
        {
            return Problems.Field("application.members", "the lead's person must be one of the household's members.");
        }

        var (result, caseId) = await intake.SubmitAsync(request, application, "lead:" + leadId, "leads", durable, cancellationToken).ConfigureAwait(false);
        if (caseId is null) return result;

        Caller caller = request.Caller();
        for (int attempt = 0; attempt < 5 && stored is not null && stored.Lead.State != LeadState.Converted; attempt++)
        {
            DateTimeOffset now = time.GetUtcNow();
            Lead converted = stored.Lead with
            {
                State = LeadState.Converted,
                CaseId = caseId,
                History = [.. stored.Lead.History, new LeadEvent(now, caller.Actor, $"Converted into application {caseId} (转为救助申请).")],
            };
            if (await leads.UpdateAsync(converted, stored.ETag, cancellationToken).ConfigureAwait(false)) break;
            stored = await leads.GetAsync(leadId, cancellationToken).ConfigureAwait(false);
        }

        string status = Problems.StatusUrl(caseId);
        return TypedResults.Accepted(status, new { caseId, leadId, statusUrl = status });
    }
}
