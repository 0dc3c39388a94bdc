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

/// <summary>Options of the economic-verification integration queues (经济状况核对).</summary>
public sealed class VerificationQueueOptions
{
    /// <summary>Configuration section, e.g. <c>Relief:Cases:Verification</c>.</summary>
    public const string Section = "Relief:Cases:Verification";

    /// <summary>The setting naming the answer queue, for <c>%…%</c> in a queue-function registration.</summary>
    public const string AnswerQueueSetting = Section + ":" + nameof(AnswerQueueName);

    /// <summary>Outgoing requests to the checking centre and agencies. Default <c>economic-verification-requests</c>.</summary>
    public string RequestQueueName { get; set; } = "economic-verification-requests";

    /// <summary>Incoming answers, read by the answer function. Default <c>economic-verification-answers</c>.</summary>
    public string AnswerQueueName { get; set; } = "economic-verification-answers";

    /// <summary>Base64-encode request text (see <see cref="PaymentQueueOptions.EncodeBase64"/>). Default true.</summary>
    public bool EncodeBase64 { get; set; } = true;

    /// <summary>Throws when a value is unusable.</summary>
    public void Validate()
    {
        StorageNames.ThrowIfInvalidContainerOrQueue(RequestQueueName, nameof(RequestQueueName));
        StorageNames.ThrowIfInvalidContainerOrQueue(AnswerQueueName, nameof(AnswerQueueName));
    }
}
