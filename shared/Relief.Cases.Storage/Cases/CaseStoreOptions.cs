namespace Relief.Cases.Storage.Cases;

/// <summary>Where <see cref="CaseStore"/> keeps cases.</summary>
public sealed class CaseStoreOptions
{
    /// <summary>Configuration section, e.g. <c>Relief:Cases:Store</c>.</summary>
    public const string Section = "Relief:Cases:Store";

    /// <summary>Table of case records, one row per case. Default <c>cases</c>.</summary>
    public string TableName { get; set; } = "cases";

    /// <summary>Container of application payloads (<c>{caseId}.json</c>; personal data). Default <c>applications</c>.</summary>
    public string ApplicationContainerName { get; set; } = "applications";

    /// <summary>Default work-list page size. Default 50.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>Largest work-list page. Default 500.</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>Throws when a value is unusable (called by the store's constructor).</summary>
    public void Validate()
    {
        StorageNames.ThrowIfInvalidTable(TableName, nameof(TableName));
        StorageNames.ThrowIfInvalidContainerOrQueue(ApplicationContainerName, nameof(ApplicationContainerName));
        if (DefaultPageSize < 1 || MaxPageSize < DefaultPageSize || MaxPageSize > 1000)
        {
            throw new ArgumentException("Page sizes: 1 ≤ DefaultPageSize ≤ MaxPageSize ≤ 1000.", nameof(MaxPageSize));
        }
    }
}
