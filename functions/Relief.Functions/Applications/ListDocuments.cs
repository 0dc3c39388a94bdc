using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Storage;
using Relief.Functions.Identity;

namespace Relief.Functions.Applications;

/// <summary><c>GET /api/applications/{id}/documents</c>: the case's documents with type, size and SHA-256; 404 unknown case.</summary>
public sealed class ListDocuments(ICaseStore cases, IDocumentStore documents, CaseAccess access)
{
    [Function(nameof(ListDocuments))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications/{id}/documents")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        string? caseId = Problems.CaseId(id);
        var record = caseId is null ? null : await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Problems.CaseNotFound(id ?? string.Empty);
        }

        if (access.Check(request, record, nameof(ListDocuments)) is { } forbidden) return forbidden;

        return TypedResults.Ok(await documents.ListAsync(record.CaseId, cancellationToken).ConfigureAwait(false));
    }
}
