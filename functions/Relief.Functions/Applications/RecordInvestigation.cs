using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Lifecycle;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>POST /api/applications/{id}/investigation</c>: record the investigation findings (入户调查: the signed-in
/// investigator and the operator ids of the others, at least two in all), also the emergency paperwork and a
/// re-investigation after an objection; 202, or 409 naming the step. The investigators are kept on the case: none of
/// them may decide it.
/// </summary>
public sealed class RecordInvestigation(CaseActions actions)
{
    /// <summary>Investigators required on a home visit (57号).</summary>
    public const int MinInvestigators = 2;

    [Function(nameof(RecordInvestigation))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/investigation")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        actions.RaiseAsync(request, id, durable, CaseTrigger.RecordInvestigation, cancellationToken);
}
