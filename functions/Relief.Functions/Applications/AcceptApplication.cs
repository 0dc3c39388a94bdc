using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Lifecycle;

namespace Relief.Functions.Applications;

/// <summary><c>POST /api/applications/{id}/accept</c>: accept the application (受理); 202, or 409 naming the step when not valid now.</summary>
public sealed class AcceptApplication(CaseActions actions)
{
    [Function(nameof(AcceptApplication))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/accept")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        actions.RaiseAsync(request, id, durable, CaseTrigger.Accept, cancellationToken);
}
