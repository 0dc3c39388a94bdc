using Microsoft.AspNetCore.Http;
using Relief.Cases.Lifecycle;
using Relief.Hosting.Http;
using Relief.Hosting.Invocations;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>POST /api/applications/{id}/withdraw</c>: the applicant withdraws (撤回申请), from any open step; the workflow ends
/// the case and its running deadlines; 202, or 409 naming the step when the case has already ended.
/// </summary>
public sealed class WithdrawApplication(CaseActions actions) : IHttpFunction<CaseActionRequest>
{
    public Task<IResult> RunAsync(CaseActionRequest body, HttpRequest request, FunctionContext context, CancellationToken cancellationToken) =>
        actions.RaiseAsync(request, body, CaseTrigger.Withdraw, cancellationToken);
}
