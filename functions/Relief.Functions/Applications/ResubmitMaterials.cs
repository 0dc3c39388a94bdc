using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Lifecycle;

namespace Relief.Functions.Applications;

/// <summary><c>POST /api/applications/{id}/resubmit</c>: the applicant supplied the missing materials (补正); 202, or 409 naming the step when not valid now.</summary>
public sealed class ResubmitMaterials(CaseActions actions)
{
    [Function(nameof(ResubmitMaterials))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/resubmit")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        actions.RaiseAsync(request, id, durable, CaseTrigger.ResubmitMaterials, cancellationToken);
}
