using Microsoft.AspNetCore.Http;
using Relief.Cases.Storage;
using Relief.Hosting.Http;
using Relief.Hosting.Invocations;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>GET /api/applications/{id}/documents/{documentId}</c>: the document's bytes with its content type; the recorded
/// SHA-256 in the <c>X-Content-SHA256</c> header; 404 when unknown.
/// </summary>
public sealed class DownloadDocument(IDocumentStore documents) : IHttpFunction
{
    /// <summary>The checksum header.</summary>
    public const string ChecksumHeader = "X-Content-SHA256";

    public async Task<IResult> RunAsync(HttpRequest request, FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? caseId = Problems.CaseId(request);
        string? documentId = request.RouteValues["documentId"] as string;
        var download = caseId is null || documentId is null || !Cases.Storage.StorageNames.IsValidCaseId(documentId)
            ? null
            : await documents.DownloadAsync(caseId, documentId, cancellationToken).ConfigureAwait(false);
        if (download is null)
        {
            return TypedResults.Problem(title: "Document not found", detail: $"There is no document '{documentId}' in case '{request.RouteValues["id"]}'.", statusCode: StatusCodes.Status404NotFound);
        }

        request.HttpContext.Response.Headers[ChecksumHeader] = download.Document.Sha256;
        request.HttpContext.Response.RegisterForDisposeAsync(download);
        return TypedResults.Stream(download.Content, download.Document.ContentType);
    }
}
