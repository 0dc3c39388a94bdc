using Microsoft.AspNetCore.Http;
using Relief.Cases.Lifecycle;
using Relief.Hosting.Http;
using Relief.Hosting.Invocations;

namespace Relief.Functions.Applications;

/// <summary><c>POST /api/applications/{id}/objections</c>: file an objection during the public notice (公示异议); 202, or 409 naming the step when not valid now.</summary>
public sealed class FileObjection(CaseActions actions) : IHttpFunction<CaseActionRequest>
{
    public Task<IResult> RunAsync(CaseActionRequest body, HttpRequest request, FunctionContext context, CancellationToken cancellationToken) =>
        actions.RaiseAsync(request, body, CaseTrigger.FileObjection, cancellationToken);
}
