namespace Relief.Cases.Storage.Payments;

/// <summary>The file exchange with the paying bank (section <c>Relief:Payments:Bank</c>).</summary>
public sealed class BankOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Relief:Payments:Bank";

    /// <summary>The setting naming the status-report queue (a queue trigger reads it).</summary>
    public const string StatusQueueSetting = Section + ":" + nameof(StatusQueueName);

    /// <summary>Container the bank collects credit-transfer files (pain.001) from. Default <c>bank-outbox</c>.</summary>
    public string OutboxContainerName { get; set; } = "bank-outbox";

    /// <summary>Container the bank leaves status reports (pain.002) in. Default <c>bank-inbox</c>.</summary>
    public string InboxContainerName { get; set; } = "bank-inbox";

    /// <summary>Container of each file's manifest (ledger keys of its transfers); not shared with the bank. Default <c>bank-manifests</c>.</summary>
    public string ManifestContainerName { get; set; } = "bank-manifests";

    /// <summary>Container of corrected bank accounts (personal data; one blob per correction). Default <c>payees</c>.</summary>
    public string PayeeContainerName { get; set; } = "payees";

    /// <summary>Queue on which the bank announces a status report (<c>{"blobName": "…"}</c>). Default <c>bank-status</c>.</summary>
    public string StatusQueueName { get; set; } = "bank-status";

    /// <summary>Queue of payments a caseworker must act on (rejected by the bank, no account on file). Default <c>payment-rejections</c>.</summary>
    public string RejectionQueueName { get; set; } = "payment-rejections";

    /// <summary>Base64-encode the messages Relief writes (rejection work items; default true, as every Relief queue).</summary>
    public bool EncodeBase64 { get; set; } = true;

    /// <summary>The paying office's account name (debtor). Set per deployment; the default marks a development value.</summary>
    public string DebtorName { get; set; } = "Relief development paying office";

    /// <summary>The paying office's account number. Set per deployment.</summary>
    public string DebtorAccount { get; set; } = "0000000000000000";

    /// <summary>The paying office's bank CNAPS code. Set per deployment.</summary>
    public string DebtorBankCode { get; set; } = "000000000000";

    /// <summary>Throws when a value is unusable.</summary>
    public void Validate()
    {
        StorageNames.ThrowIfInvalidContainerOrQueue(OutboxContainerName, nameof(OutboxContainerName));
        StorageNames.ThrowIfInvalidContainerOrQueue(InboxContainerName, nameof(InboxContainerName));
        StorageNames.ThrowIfInvalidContainerOrQueue(ManifestContainerName, nameof(ManifestContainerName));
        StorageNames.ThrowIfInvalidContainerOrQueue(PayeeContainerName, nameof(PayeeContainerName));
        StorageNames.ThrowIfInvalidContainerOrQueue(StatusQueueName, nameof(StatusQueueName));
        StorageNames.ThrowIfInvalidContainerOrQueue(RejectionQueueName, nameof(RejectionQueueName));
        if (string.IsNullOrWhiteSpace(DebtorName) || string.IsNullOrWhiteSpace(DebtorAccount) || DebtorBankCode.Length != 12)
        {
            throw new ArgumentException("The debtor account needs a name, an account number and a 12-digit bank code.", nameof(DebtorBankCode));
        }
    }
}
