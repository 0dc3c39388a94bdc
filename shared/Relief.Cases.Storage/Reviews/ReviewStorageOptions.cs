namespace Relief.Cases.Storage.Reviews;

/// <summary>Where reviews are kept (section <c>Relief:Reviews:Storage</c>).</summary>
public sealed class ReviewStorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Relief:Reviews:Storage";

    /// <summary>
    /// Households' review schedules, the reviews and their work list (partitions by household, and by jurisdiction and
    /// due month). Default <c>reviews</c>.
    /// </summary>
    public string TableName { get; set; } = "reviews";

    /// <summary>
    /// The due index (核查到期索引): one partition per cadence and due month, one row per household due — a sweep reads
    /// its month's partition and never the whole register. Default <c>reviewdue</c>.
    /// </summary>
    public string DueTableName { get; set; } = "reviewdue";

    /// <summary>Throws when a value is unusable.</summary>
    public void Validate()
    {
        StorageNames.ThrowIfInvalidTable(TableName, nameof(TableName));
        StorageNames.ThrowIfInvalidTable(DueTableName, nameof(DueTableName));
        if (string.Equals(TableName, DueTableName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{nameof(TableName)} and {nameof(DueTableName)} must differ.", nameof(DueTableName));
        }
    }
}
