using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Deadlines;
using Relief.Cases.Lifecycle;
using Relief.Cases.Storage;
using Relief.Domain.Validation;
using Relief.Functions.Http;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>POST /api/applications/{id}/extend</c>: extends the overall limit to 45 working days from acceptance (特殊情况延长),
/// with at least one written reason; once per case, from acceptance until the decision. 202; 400 without a reason; 409
/// naming the step, or when the limit is already extended.
/// </summary>
public sealed class ExtendTimeLimit(CaseActions actions, ICaseStore cases)
{
    [Function(nameof(ExtendTimeLimit))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/extend")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var read = await JsonBodies.ReadAsync<CaseActionRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!read.IsValid) return read.Problem!;
        CaseActionRequest body = read.Value!;
        if (Problems.CaseId(id) is { } caseId
            && await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is { } record
            && record.Deadlines.Any(d => d.Kind == CaseDeadlineKind.OverallExtended))
        {
            return Problems.Conflict("Already extended", $"The overall limit of case {record.CaseId} has already been extended once (特殊情况延长); it cannot be extended again.");
        }

        return body.Reasons is { Count: > 0 }
            ? await actions.RaiseAsync(request, body, id, durable, CaseTrigger.ExtendTimeLimit, cancellationToken).ConfigureAwait(false)
            : await actions.RaiseAsync(request, body, id, durable, CaseTrigger.ExtendTimeLimit, cancellationToken, null,
                new ValidationError("reasons", "reasons: an extension needs at least one written reason (延长理由).")).ConfigureAwait(false);
    }
}
