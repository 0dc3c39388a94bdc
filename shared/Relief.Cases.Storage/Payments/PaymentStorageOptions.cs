namespace Relief.Cases.Storage.Payments;

/// <summary>Where the beneficiary register, the payment ledger and payroll progress are kept (section <c>Relief:Payments:Storage</c>).</summary>
public sealed class PaymentStorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Relief:Payments:Storage";

    /// <summary>The beneficiary register (救助对象名册), one row per household and program. Default <c>beneficiaries</c>.</summary>
    public string RegisterTableName { get; set; } = "beneficiaries";

    /// <summary>The payment ledger: one row per instruction and one per event. Default <c>ledger</c>.</summary>
    public string LedgerTableName { get; set; } = "ledger";

    /// <summary>Payroll runs and their progress per shard. Default <c>payrolls</c>.</summary>
    public string PayrollTableName { get; set; } = "payrolls";

    /// <summary>
    /// The queue of payroll batches for the bank adapter (one message per batch of instructions, never one per
    /// beneficiary). Default <c>payment-batches</c>.
    /// </summary>
    public string BatchQueueName { get; set; } = "payment-batches";

    /// <summary>
    /// Base64-encode batch messages (default true): the Functions host reads queue triggers as base64 when host.json
    /// says <c>messageEncoding: base64</c>, as Relief's does.
    /// </summary>
    public bool EncodeBase64 { get; set; } = true;

    /// <summary>
    /// Shards per jurisdiction (1–256; default 16): the register and ledger partitions a payroll works through in
    /// parallel. Fixed for the life of a deployment — a household's shard is computed from its id, so changing the
    /// number would hide enrolled households from the payroll. 16 keeps each shard near 60,000 households at 1,000,000.
    /// </summary>
    public int Shards { get; set; } = 16;

    /// <summary>Throws when a value is unusable.</summary>
    public void Validate()
    {
        StorageNames.ThrowIfInvalidTable(RegisterTableName, nameof(RegisterTableName));
        StorageNames.ThrowIfInvalidTable(LedgerTableName, nameof(LedgerTableName));
        StorageNames.ThrowIfInvalidTable(PayrollTableName, nameof(PayrollTableName));
        StorageNames.ThrowIfInvalidContainerOrQueue(BatchQueueName, nameof(BatchQueueName));
        if (Shards is < 1 or > 256)
        {
            throw new ArgumentException($"{nameof(Shards)} is {Shards}; it must be 1–256.", nameof(Shards));
        }
    }
}
