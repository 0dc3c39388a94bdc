using Microsoft.AspNetCore.Http;
using Relief.Cases.Storage;
using Relief.Hosting.Http;
using Relief.Hosting.Invocations;

namespace Relief.Functions.Applications;

/// <summary><c>GET /api/applications/{id}/documents</c>: the case's documents with type, size and SHA-256; 404 unknown case.</summary>
public sealed class ListDocuments(ICaseStore cases, IDocumentStore documents) : IHttpFunction
{
    public async Task<IResult> RunAsync(HttpRequest request, FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? caseId = Problems.CaseId(request);
        if (caseId is null || await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.CaseNotFound(request.RouteValues["id"] as string ?? string.Empty);
        }

        return TypedResults.Ok(await documents.ListAsync(caseId, cancellationToken).ConfigureAwait(false));
    }
}
