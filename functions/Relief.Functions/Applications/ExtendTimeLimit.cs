using Microsoft.AspNetCore.Http;
using Relief.Cases.Deadlines;
using Relief.Cases.Lifecycle;
using Relief.Cases.Storage;
using Relief.Domain.Validation;
using Relief.Hosting.Http;
using Relief.Hosting.Invocations;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>POST /api/applications/{id}/extend</c>: extends the overall limit to 45 working days from acceptance (特殊情况延长),
/// with at least one written reason; once per case, from acceptance until the decision. 202; 400 without a reason; 409
/// naming the step, or when the limit is already extended.
/// </summary>
public sealed class ExtendTimeLimit(CaseActions actions, ICaseStore cases) : IHttpFunction<CaseActionRequest>
{
    public async Task<IResult> RunAsync(CaseActionRequest body, HttpRequest request, FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(request);
        if (Problems.CaseId(request) is { } caseId
            && await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is { } record
            && record.Deadlines.Any(d => d.Kind == CaseDeadlineKind.OverallExtended))
        {
            return Problems.Conflict("Already extended", $"The overall limit of case {record.CaseId} has already been extended once (特殊情况延长); it cannot be extended again.");
        }

        return body.Reasons is { Count: > 0 }
            ? await actions.RaiseAsync(request, body, CaseTrigger.ExtendTimeLimit, cancellationToken).ConfigureAwait(false)
            : await actions.RaiseAsync(request, body, CaseTrigger.ExtendTimeLimit, cancellationToken, null,
                new ValidationError("reasons", "reasons: an extension needs at least one written reason (延长理由).")).ConfigureAwait(false);
    }
}
