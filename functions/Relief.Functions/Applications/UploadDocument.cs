using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Intake;
using Relief.Cases.Storage;
using Relief.Functions.Identity;
using Relief.Cases.Storage.Documents;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>POST /api/applications/{id}/documents?kind=&amp;member=</c> with the raw document as the body (申请材料): pdf, jpeg or
/// png, within the size limit; the SHA-256 checksum is recorded. 201 with the stored document; 404 unknown case; 415
/// type not accepted; 413 too large; 400 empty, not matching its type, or a bad kind or member.
/// </summary>
public sealed class UploadDocument(ICaseStore cases, IDocumentStore documents, CaseAccess access)
{
    [Function(nameof(UploadDocument))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/documents")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DocumentKind? kind = null;
        if (request.Query["kind"].FirstOrDefault() is { Length: > 0 } k)
        {
            if (Enum.TryParse<DocumentKind>(k, ignoreCase: true, out var parsed) && !int.TryParse(k, out _)) kind = parsed;
            else return Problems.Field("kind", "one of " + string.Join(", ", Enum.GetNames<DocumentKind>()) + ".");
        }

        int? member = null;
        if (request.Query["member"].FirstOrDefault() is { Length: > 0 } m)
        {
            if (int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) member = parsed;
            else return Problems.Field("member", "the member's index in the application (0, 1, …).");
        }

        string? caseId = Problems.CaseId(id);
        var record = caseId is null ? null : await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Problems.CaseNotFound(id ?? string.Empty);
        }

        if (access.Check(request, record, nameof(UploadDocument)) is { } forbidden) return forbidden;

        var result = await documents.UploadAsync(record.CaseId, new DocumentUpload(request.ContentType ?? string.Empty, kind, member), request.Body, cancellationToken).ConfigureAwait(false);
        if (result.Document is { } stored)
        {
            return TypedResults.Created($"/api/applications/{record.CaseId}/documents/{stored.DocumentId}", stored);
        }

        int status = result.Rejection switch
        {
            DocumentRejection.UnsupportedContentType => StatusCodes.Status415UnsupportedMediaType,
            DocumentRejection.TooLarge => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(title: "Document not accepted", detail: result.Message, statusCode: status,
            extensions: new Dictionary<string, object?> { ["reason"] = result.Rejection?.ToString() });
    }
}
