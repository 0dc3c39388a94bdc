using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Lifecycle;
using Relief.Domain.Validation;
using Relief.Functions.Http;

namespace Relief.Functions.Applications;

/// <summary><c>POST /api/applications/{id}/reject</c>: refuse (不予批准) with written reasons (at least one); 202, or 409 naming the step.</summary>
public sealed class RejectApplication(CaseActions actions)
{
    [Function(nameof(RejectApplication))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/reject")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var body = await JsonBodies.ReadAsync<CaseActionRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!body.IsValid) return body.Problem!;
        return body.Value!.Reasons is { Count: > 0 }
            ? await actions.RaiseAsync(request, body.Value, id, durable, CaseTrigger.Reject, cancellationToken).ConfigureAwait(false)
            : await actions.RaiseAsync(request, body.Value, id, durable, CaseTrigger.Reject, cancellationToken, null,
                new ValidationError("reasons", "reasons: a refusal needs at least one written reason (书面说明理由).")).ConfigureAwait(false);
    }
}
