using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Lifecycle;

namespace Relief.Functions.Applications;

/// <summary><c>POST /api/applications/{id}/community-review</c>: record the community review (民主评议) after an objection; 202, or 409 naming the step when not valid now.</summary>
public sealed class RecordCommunityReview(CaseActions actions)
{
    [Function(nameof(RecordCommunityReview))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/community-review")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        actions.RaiseAsync(request, id, durable, CaseTrigger.RecordCommunityReview, cancellationToken);
}
