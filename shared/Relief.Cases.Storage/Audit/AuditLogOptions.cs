namespace Relief.Cases.Storage.Audit;

/// <summary>Where <see cref="AuditLog"/> keeps audit entries.</summary>
public sealed class AuditLogOptions
{
    /// <summary>Configuration section, e.g. <c>Relief:Cases:Audit</c>.</summary>
    public const string Section = "Relief:Cases:Audit";

    /// <summary>Table of audit entries (PartitionKey case id, RowKey zero-padded sequence). Default <c>caseaudit</c>.</summary>
    public string TableName { get; set; } = "caseaudit";

    /// <summary>How many sequence numbers an append tries when others append concurrently. Default 20.</summary>
    public int MaxAppendAttempts { get; set; } = 20;

    /// <summary>Throws when a value is unusable (called by the log's constructor).</summary>
    public void Validate()
    {
        StorageNames.ThrowIfInvalidTable(TableName, nameof(TableName));
        if (MaxAppendAttempts < 1)
        {
            throw new ArgumentException("MaxAppendAttempts must be at least 1.", nameof(MaxAppendAttempts));
        }
    }
}
