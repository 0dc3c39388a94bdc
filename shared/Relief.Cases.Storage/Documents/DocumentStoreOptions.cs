namespace Relief.Cases.Storage.Documents;

/// <summary>Where and what <see cref="DocumentStore"/> accepts.</summary>
public sealed class DocumentStoreOptions
{
    /// <summary>Configuration section, e.g. <c>Relief:Cases:Documents</c>.</summary>
    public const string Section = "Relief:Cases:Documents";

    /// <summary>Container of case documents (<c>{caseId}/{documentId}</c>). Default <c>case-documents</c>.</summary>
    public string ContainerName { get; set; } = "case-documents";

    /// <summary>Largest accepted document in bytes. Default 10 MiB (10,485,760).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Accepted content types. Default <c>application/pdf</c>, <c>image/jpeg</c>, <c>image/png</c>.</summary>
    public IList<string> AllowedContentTypes { get; } = ["application/pdf", "image/jpeg", "image/png"];

    /// <summary>Throws when a value is unusable (called by the store's constructor).</summary>
    public void Validate()
    {
        StorageNames.ThrowIfInvalidContainerOrQueue(ContainerName, nameof(ContainerName));
        if (MaxBytes < 1)
        {
            throw new ArgumentException("MaxBytes must be positive.", nameof(MaxBytes));
        }

        if (AllowedContentTypes.Count == 0)
        {
            throw new ArgumentException("At least one content type must be allowed.", nameof(AllowedContentTypes));
        }
    }
}
