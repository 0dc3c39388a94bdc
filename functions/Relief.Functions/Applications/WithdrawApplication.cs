using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Lifecycle;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>POST /api/applications/{id}/withdraw</c>: the applicant withdraws (撤回申请), from any open step; the workflow ends
/// the case and its running deadlines; 202, or 409 naming the step when the case has already ended.
/// </summary>
public sealed class WithdrawApplication(CaseActions actions)
{
    [Function(nameof(WithdrawApplication))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/withdraw")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        actions.RaiseAsync(request, id, durable, CaseTrigger.Withdraw, cancellationToken);
}
