using Microsoft.AspNetCore.Http;
using Relief.Cases.Lifecycle;
using Relief.Domain.Validation;
using Relief.Hosting.Http;
using Relief.Hosting.Invocations;

namespace Relief.Functions.Applications;

/// <summary><c>POST /api/applications/{id}/reject</c>: refuse (不予批准) with written reasons (at least one); 202, or 409 naming the step.</summary>
public sealed class RejectApplication(CaseActions actions) : IHttpFunction<CaseActionRequest>
{
    public Task<IResult> RunAsync(CaseActionRequest body, HttpRequest request, FunctionContext context, CancellationToken cancellationToken) =>
        body.Reasons is { Count: > 0 }
            ? actions.RaiseAsync(request, body, CaseTrigger.Reject, cancellationToken)
            : actions.RaiseAsync(request, body, CaseTrigger.Reject, cancellationToken, null,
                new ValidationError("reasons", "reasons: a refusal needs at least one written reason (书面说明理由)."));
}
