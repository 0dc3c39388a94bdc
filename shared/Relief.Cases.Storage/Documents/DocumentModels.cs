using Relief.Cases.Intake;

namespace Relief.Cases.Storage.Documents;

/// <summary>What an upload declares about the document.</summary>
/// <param name="ContentType">Declared MIME type (parameters such as <c>; charset</c> are ignored).</param>
/// <param name="Kind">Which material it is (for the missing-materials check); null when unspecified.</param>
/// <param name="MemberIndex">The member it is about (index in the application's members); null for household material.</param>
public sealed record DocumentUpload(string ContentType, DocumentKind? Kind = null, int? MemberIndex = null);

/// <summary>A stored document of a case (申请材料).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="DocumentId">Its id within the case.</param>
/// <param name="ContentType">Content type, as accepted.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content, computed on upload and kept in the blob's metadata.</param>
/// <param name="Kind">Which material it is, if declared.</param>
/// <param name="MemberIndex">The member it is about, if any.</param>
/// <param name="UploadedAt">When it was stored.</param>
public sealed record StoredDocument(
    string CaseId,
    string DocumentId,
    string ContentType,
    long Length,
    string Sha256,
    DocumentKind? Kind,
    int? MemberIndex,
    DateTimeOffset UploadedAt)
{
    /// <summary>As a supplied material for <see cref="RequiredDocuments.Missing"/>; null when the kind is not declared.</summary>
    public SuppliedDocument? AsSupplied() => Kind is { } kind ? new SuppliedDocument(kind, MemberIndex) : null;
}

/// <summary>Why an upload was refused (an expected outcome, mapped by HTTP to 400 or 413/415).</summary>
public enum DocumentRejection
{
    /// <summary>The content type is not one of the allowed types.</summary>
    UnsupportedContentType,

    /// <summary>The content is larger than the limit.</summary>
    TooLarge,

    /// <summary>The content is empty.</summary>
    Empty,

    /// <summary>The content does not start like its declared type (e.g. a "PDF" that is not one).</summary>
    ContentDoesNotMatchType,

    /// <summary>The member index is negative.</summary>
    InvalidMemberIndex,
}

/// <summary>The result of <see cref="DocumentStore.UploadAsync"/>: the stored document, or why it was refused.</summary>
/// <param name="Document">The stored document when accepted.</param>
/// <param name="Rejection">The reason when refused.</param>
/// <param name="Message">A sentence for the caller when refused.</param>
public sealed record DocumentUploadResult(StoredDocument? Document, DocumentRejection? Rejection, string? Message)
{
    /// <summary>True when stored.</summary>
    public bool IsStored => Document is not null;

    internal static DocumentUploadResult Stored(StoredDocument document) => new(document, null, null);

    internal static DocumentUploadResult Rejected(DocumentRejection reason, string message) => new(null, reason, message);
}

/// <summary>A downloaded document: its description and its content (dispose it).</summary>
/// <param name="Document">What is stored.</param>
/// <param name="Content">The content stream.</param>
public sealed record DocumentDownload(StoredDocument Document, Stream Content) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
