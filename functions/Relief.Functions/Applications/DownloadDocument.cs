using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Relief.Cases.Storage;
using Relief.Functions.Identity;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>GET /api/applications/{id}/documents/{documentId}</c>: the document's bytes with its content type; the recorded
/// SHA-256 in the <c>X-Content-SHA256</c> header; 404 when unknown. Documents hold ID-card copies and the like: only
/// the roles working on the case download them (<see cref="Identity.AccessTable"/>, then the case's jurisdiction or
/// the applicant's own case), and every download — and every refused attempt — is in the case's audit trail.
/// </summary>
public sealed class DownloadDocument(ICaseStore cases, IDocumentStore documents, CaseAccess access, ILogger<DownloadDocument> logger)
{
    /// <summary>The checksum header.</summary>
    public const string ChecksumHeader = "X-Content-SHA256";

    [Function(nameof(DownloadDocument))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications/{id}/documents/{documentId}")] HttpRequest request,
        string id,
        string documentId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        documentId ??= string.Empty;
        string? caseId = Problems.CaseId(id);
        var record = caseId is null || !StorageNames.IsValidCaseId(documentId)
            ? null
            : await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return NotFound(id, documentId);
        }

        Caller caller = request.Caller();
        if (CaseAccess.Refusal(caller, record) is { } why)
        {
            Logs.DocumentRefused(logger, record.CaseId, caller.Actor);
            await access.RecordAsync(record, caller, context.InvocationId, $"Document {documentId} download refused: {why}", cancellationToken).ConfigureAwait(false);
            return CallerAccess.Forbidden($"Case {record.CaseId}: {why}");
        }

        var download = await documents.DownloadAsync(record.CaseId, documentId, cancellationToken).ConfigureAwait(false);
        if (download is null)
        {
            return NotFound(id, documentId);
        }

        // Recorded before the first byte leaves: a download the trail does not show never happens.
        await access.RecordAsync(record, caller, context.InvocationId, $"Document {documentId} ({download.Document.ContentType}) downloaded.", cancellationToken).ConfigureAwait(false);
        Logs.DocumentDownloaded(logger, record.CaseId, documentId, caller.Actor);
        request.HttpContext.Response.Headers[ChecksumHeader] = download.Document.Sha256;
        request.HttpContext.Response.RegisterForDisposeAsync(download);
        return TypedResults.Stream(download.Content, download.Document.ContentType);
    }

    private static IResult NotFound(string id, string documentId) =>
        TypedResults.Problem(title: "Document not found", detail: $"There is no document '{documentId}' in case '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
