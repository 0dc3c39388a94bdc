using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Lifecycle;

namespace Relief.Functions.Applications;

/// <summary><c>POST /api/applications/{id}/approve</c>: approve (批准); payment instructions follow; 202, or 409 naming the step when not valid now.</summary>
public sealed class ApproveApplication(CaseActions actions)
{
    [Function(nameof(ApproveApplication))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/approve")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        actions.RaiseAsync(request, id, durable, CaseTrigger.Approve, cancellationToken);
}
