using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Storage;

namespace Relief.Functions.Applications;

/// <summary><c>GET /api/applications/{id}/documents</c>: the case's documents with type, size and SHA-256; 404 unknown case.</summary>
public sealed class ListDocuments(ICaseStore cases, IDocumentStore documents)
{
    [Function(nameof(ListDocuments))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications/{id}/documents")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        string? caseId = Problems.CaseId(id);
        if (caseId is null || await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.CaseNotFound(id ?? string.Empty);
        }

        return TypedResults.Ok(await documents.ListAsync(caseId, cancellationToken).ConfigureAwait(false));
    }
}
