using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Lifecycle;
using Relief.Domain.Validation;
using Relief.Functions.Http;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>POST /api/applications/{id}/investigation</c>: record the investigation findings (入户调查, at least two
/// investigators), also the emergency paperwork and a re-investigation after an objection; 202, or 409 naming the step.
/// </summary>
public sealed class RecordInvestigation(CaseActions actions)
{
    /// <summary>Investigators required on a home visit (57号).</summary>
    public const int MinInvestigators = 2;

    [Function(nameof(RecordInvestigation))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/investigation")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var body = await JsonBodies.ReadAsync<CaseActionRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!body.IsValid) return body.Problem!;
        int distinct = body.Value!.Investigators?.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.Ordinal).Count() ?? 0;
        return distinct >= MinInvestigators
            ? await actions.RaiseAsync(body.Value, id, durable, CaseTrigger.RecordInvestigation, cancellationToken).ConfigureAwait(false)
            : await actions.RaiseAsync(body.Value, id, durable, CaseTrigger.RecordInvestigation, cancellationToken, null,
                new ValidationError("investigators", $"investigators: at least {MinInvestigators} different investigators (operator ids) are required.")).ConfigureAwait(false);
    }
}
