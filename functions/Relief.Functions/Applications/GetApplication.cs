using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Records;
using Relief.Cases.Storage;
using Relief.Functions.Identity;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>GET /api/applications/{id}</c> (办理进度): program, current step, every deadline with its date, the steps so far
/// with who and when (the audit trail), transfers, and the decision with its explanation; 404 for an unknown case.
/// </summary>
public sealed class GetApplication(ICaseStore cases, IAuditLog audit, CaseAccess access, TimeProvider time)
{
    [Function(nameof(GetApplication))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        string? caseId = Problems.CaseId(id);
        var record = caseId is null ? null : await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Problems.CaseNotFound(id ?? string.Empty);
        }

        if (access.Check(request, record, nameof(GetApplication)) is { } forbidden) return forbidden;

        var trail = await audit.ReadAsync(record.CaseId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(CaseStatusView.From(record, trail, time.GetUtcNow()));
    }
}
