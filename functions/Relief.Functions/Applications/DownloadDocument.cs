using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Storage;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>GET /api/applications/{id}/documents/{documentId}</c>: the document's bytes with its content type; the recorded
/// SHA-256 in the <c>X-Content-SHA256</c> header; 404 when unknown.
/// </summary>
public sealed class DownloadDocument(IDocumentStore documents)
{
    /// <summary>The checksum header.</summary>
    public const string ChecksumHeader = "X-Content-SHA256";

    [Function(nameof(DownloadDocument))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications/{id}/documents/{documentId}")] HttpRequest request,
        string id,
        string documentId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? caseId = Problems.CaseId(id);
        var download = caseId is null || documentId is null || !Cases.Storage.StorageNames.IsValidCaseId(documentId)
            ? null
            : await documents.DownloadAsync(caseId, documentId, cancellationToken).ConfigureAwait(false);
        if (download is null)
        {
            return TypedResults.Problem(title: "Document not found", detail: $"There is no document '{documentId}' in case '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        request.HttpContext.Response.Headers[ChecksumHeader] = download.Document.Sha256;
        request.HttpContext.Response.RegisterForDisposeAsync(download);
        return TypedResults.Stream(download.Content, download.Document.ContentType);
    }
}
