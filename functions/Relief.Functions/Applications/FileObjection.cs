using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Lifecycle;

namespace Relief.Functions.Applications;

/// <summary><c>POST /api/applications/{id}/objections</c>: file an objection during the public notice (公示异议); 202, or 409 naming the step when not valid now.</summary>
public sealed class FileObjection(CaseActions actions)
{
    [Function(nameof(FileObjection))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/objections")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        actions.RaiseAsync(request, id, durable, CaseTrigger.FileObjection, cancellationToken);
}
