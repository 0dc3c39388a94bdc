using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.Cases.Identifiers;
using Relief.Cases.Intake;

namespace Relief.Cases.Storage.Documents;

/// <summary>
/// Case documents (申请材料) as blobs <c>{caseId}/{documentId}</c>: only the allowed content types (PDF, JPEG,
/// PNG by default, checked against the first bytes too), up to the size limit; the SHA-256 of the content is
/// computed while reading, kept in the blob's metadata and returned; the content type is kept on the blob.
/// File names are not stored (they often carry names). Call <see cref="InitializeAsync"/> once at start.
/// </summary>
public sealed class DocumentStore : IDocumentStore
{
    private const string ShaKey = "sha256";
    private const string KindKey = "kind";
    private const string MemberKey = "memberindex";
    private const string UploadedKey = "uploadedat";

    private readonly BlobContainerClient _container;
    private readonly DocumentStoreOptions _options;
    private readonly IIdentifierSource _ids;
    private readonly TimeProvider _time;
    private readonly ILogger<DocumentStore> _logger;

    /// <summary>Creates the store.</summary>
    public DocumentStore(BlobServiceClient blobs, IOptions<DocumentStoreOptions> options, IIdentifierSource ids, TimeProvider time, ILogger<DocumentStore> logger)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _options.Validate();
        _container = blobs.GetBlobContainerClient(_options.ContainerName);
        _ids = ids ?? throw new ArgumentNullException(nameof(ids));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Creates the container if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Stores a document for a case, or refuses it (wrong type, too large, empty, content not of its type).
    /// Reads at most <see cref="DocumentStoreOptions.MaxBytes"/> + 1 bytes of <paramref name="content"/>.
    /// </summary>
    public async Task<DocumentUploadResult> UploadAsync(string caseId, DocumentUpload upload, Stream content, CancellationToken cancellationToken)
    {
        StorageNames.ThrowIfInvalidCaseId(caseId);
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(content);

        string contentType = NormaliseContentType(upload.ContentType);
        if (!_options.AllowedContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            return Reject(caseId, DocumentRejection.UnsupportedContentType, $"Content type '{contentType}' is not accepted; use one of {string.Join(", ", _options.AllowedContentTypes)}.");
        }

        if (upload.MemberIndex is < 0)
        {
            return Reject(caseId, DocumentRejection.InvalidMemberIndex, "The member index may not be negative.");
        }

        using var buffer = new MemoryStream();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxBytes)
            {
                return Reject(caseId, DocumentRejection.TooLarge, string.Create(CultureInfo.InvariantCulture, $"The document is larger than the limit of {_options.MaxBytes} bytes."));
            }

            buffer.Write(chunk, 0, read);
            hash.AppendData(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return Reject(caseId, DocumentRejection.Empty, "The document is empty.");
        }

        if (!StartsLike(contentType, buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 16))))
        {
            return Reject(caseId, DocumentRejection.ContentDoesNotMatchType, $"The content is not a {contentType} document.");
        }

        string sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        string documentId = _ids.NewId();
        DateTimeOffset now = _time.GetUtcNow();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ShaKey] = sha256,
            [UploadedKey] = now.ToString("O", CultureInfo.InvariantCulture),
        };
        if (upload.Kind is { } kind) metadata[KindKey] = kind.ToString();
        if (upload.MemberIndex is { } member) metadata[MemberKey] = member.ToString(CultureInfo.InvariantCulture);

        buffer.Position = 0;
        await _container.GetBlobClient(BlobName(caseId, documentId)).UploadAsync(
            buffer,
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = metadata,
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            },
            cancellationToken).ConfigureAwait(false);

        var stored = new StoredDocument(caseId, documentId, contentType, buffer.Length, sha256, upload.Kind, upload.MemberIndex, now);
        _logger.DocumentStored(caseId, documentId, contentType, buffer.Length);
        return DocumentUploadResult.Stored(stored);
    }

    /// <summary>The document with its content, or null when there is none. Dispose the result.</summary>
    public async Task<DocumentDownload?> DownloadAsync(string caseId, string documentId, CancellationToken cancellationToken)
    {
        StorageNames.ThrowIfInvalidCaseId(caseId);
        StorageNames.ThrowIfInvalidCaseId(documentId, nameof(documentId));
        try
        {
            Response<BlobDownloadStreamingResult> response = await _container.GetBlobClient(BlobName(caseId, documentId))
                .DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            BlobDownloadDetails details = response.Value.Details;
            var document = Describe(caseId, documentId, details.ContentType, details.ContentLength, details.Metadata, details.LastModified);
            return new DocumentDownload(document, response.Value.Content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every document of the case (for the status view and the missing-materials check).</summary>
    public async Task<IReadOnlyList<StoredDocument>> ListAsync(string caseId, CancellationToken cancellationToken)
    {
        StorageNames.ThrowIfInvalidCaseId(caseId);
        var list = new List<StoredDocument>();
        await foreach (BlobItem item in _container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, caseId + "/", cancellationToken).ConfigureAwait(false))
        {
            string documentId = item.Name[(caseId.Length + 1)..];
            list.Add(Describe(caseId, documentId, item.Properties.ContentType, item.Properties.ContentLength ?? 0, item.Metadata, item.Properties.LastModified ?? default));
        }

        return list;
    }

    private DocumentUploadResult Reject(string caseId, DocumentRejection reason, string message)
    {
        _logger.DocumentRejected(caseId, reason.ToString());
        return DocumentUploadResult.Rejected(reason, message);
    }

    private static StoredDocument Describe(string caseId, string documentId, string contentType, long length, IDictionary<string, string> metadata, DateTimeOffset lastModified)
    {
        DocumentKind? kind = metadata.TryGetValue(KindKey, out string? k) && Enum.TryParse(k, out DocumentKind parsed) ? parsed : null;
        int? member = metadata.TryGetValue(MemberKey, out string? m) && int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out int index) ? index : null;
        DateTimeOffset uploaded = metadata.TryGetValue(UploadedKey, out string? u) && DateTimeOffset.TryParse(u, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset at) ? at : lastModified;
        return new StoredDocument(caseId, documentId, contentType, length, metadata.TryGetValue(ShaKey, out string? sha) ? sha : string.Empty, kind, member, uploaded);
    }

    private static string BlobName(string caseId, string documentId) => caseId + "/" + documentId;

    private static string NormaliseContentType(string? contentType) =>
        (contentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>Magic numbers: PDF <c>%PDF-</c>, JPEG <c>FF D8 FF</c>, PNG <c>89 50 4E 47 0D 0A 1A 0A</c>; other allowed types are not sniffed.</summary>
    private static bool StartsLike(string contentType, ReadOnlySpan<byte> head) => contentType switch
    {
        "application/pdf" => head.StartsWith("%PDF-"u8),
        "image/jpeg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/png" => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        _ => true,
    };
}
