namespace Relief.Cases.Storage.Idempotency;

/// <summary>Where <see cref="IdempotencyStore"/> keeps Idempotency-Key records.</summary>
public sealed class IdempotencyStoreOptions
{
    /// <summary>Configuration section, e.g. <c>Relief:Cases:Idempotency</c>.</summary>
    public const string Section = "Relief:Cases:Idempotency";

    /// <summary>Table of key records (PartitionKey = SHA-256 of scope and key). Default <c>idempotency</c>.</summary>
    public string TableName { get; set; } = "idempotency";

    /// <summary>Throws when a value is unusable (called by the store's constructor).</summary>
    public void Validate() => StorageNames.ThrowIfInvalidTable(TableName, nameof(TableName));
}
