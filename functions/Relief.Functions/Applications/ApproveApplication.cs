using Microsoft.AspNetCore.Http;
using Relief.Cases.Lifecycle;
using Relief.Hosting.Http;
using Relief.Hosting.Invocations;

namespace Relief.Functions.Applications;

/// <summary><c>POST /api/applications/{id}/approve</c>: approve (批准); payment instructions follow; 202, or 409 naming the step when not valid now.</summary>
public sealed class ApproveApplication(CaseActions actions) : IHttpFunction<CaseActionRequest>
{
    public Task<IResult> RunAsync(CaseActionRequest body, HttpRequest request, FunctionContext context, CancellationToken cancellationToken) =>
        actions.RaiseAsync(request, body, CaseTrigger.Approve, cancellationToken);
}
