namespace Relief.Cases.Storage.Queues;

/// <summary>Options of <see cref="PaymentInstructionWriter"/>.</summary>
public sealed class PaymentQueueOptions
{
    /// <summary>Configuration section, e.g. <c>Relief:Cases:Payments</c>.</summary>
    public const string Section = "Relief:Cases:Payments";

    /// <summary>The queue of payment instructions. Default <c>payments</c>.</summary>
    public string QueueName { get; set; } = "payments";

    /// <summary>
    /// Base64-encode message text, as the Azure Functions queue trigger expects by default. Default true; the
    /// Relief host reads both encodings.
    /// </summary>
    public bool EncodeBase64 { get; set; } = true;

    /// <summary>Throws when a value is unusable.</summary>
    public void Validate() => StorageNames.ThrowIfInvalidContainerOrQueue(QueueName, nameof(QueueName));
}

/// <summary>Options of <see cref="SupervisionWriter"/>.</summary>
public sealed class SupervisionQueueOptions
{
    /// <summary>Configuration section, e.g. <c>Relief:Cases:Supervision</c>.</summary>
    public const string Section = "Relief:Cases:Supervision";

    /// <summary>The queue of escalations (督办). Default <c>supervision</c>.</summary>
    public string QueueName { get; set; } = "supervision";

    /// <summary>Base64-encode message text (see <see cref="PaymentQueueOptions.EncodeBase64"/>). Default true.</summary>
    public bool EncodeBase64 { get; set; } = true;

    /// <summary>Throws when a value is unusable.</summary>
    public void Validate() => StorageNames.ThrowIfInvalidContainerOrQueue(QueueName, nameof(QueueName));
}
