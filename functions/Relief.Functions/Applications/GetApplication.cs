using Microsoft.AspNetCore.Http;
using Relief.Cases.Records;
using Relief.Cases.Storage;
using Relief.Hosting.Http;
using Relief.Hosting.Invocations;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>GET /api/applications/{id}</c> (办理进度): program, current step, every deadline with its date, the steps so far
/// with who and when (the audit trail), transfers, and the decision with its explanation; 404 for an unknown case.
/// </summary>
public sealed class GetApplication(ICaseStore cases, IAuditLog audit, TimeProvider time) : IHttpFunction
{
    public async Task<IResult> RunAsync(HttpRequest request, FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? caseId = Problems.CaseId(request);
        var record = caseId is null ? null : await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Problems.CaseNotFound(request.RouteValues["id"] as string ?? string.Empty);
        }

        var trail = await audit.ReadAsync(record.CaseId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(CaseStatusView.From(record, trail, time.GetUtcNow()));
    }
}
