namespace Relief.FunctionsHost.Queues;

/// <summary>Why a message was moved to the poison queue.</summary>
public enum PoisonReason
{
    /// <summary>The function failed on the last allowed attempt.</summary>
    FunctionFailed,

    /// <summary>The message is not JSON (or base64 JSON) of the expected shape; retrying cannot help.</summary>
    Malformed,

    /// <summary>The message was dequeued more than maxDequeueCount times without a finished attempt
    /// (hosts stopped or crashed while processing it).</summary>
    DequeueCountExceeded,
}

/// <summary>
/// What the host writes to <c>&lt;queue&gt;-poison</c>: the original message text exactly as it was
/// received, why it was poisoned, the last error and the dequeue count. When the record would not fit
/// in a queue message (64 KiB), it is stored whole in a blob and the queue message names it
/// (<see cref="RecordBlob"/>, with <see cref="Body"/> null).
/// </summary>
public sealed record PoisonMessage
{
    /// <summary>The queue the message came from.</summary>
    public required string Queue { get; init; }

    /// <summary>The original message id.</summary>
    public required string MessageId { get; init; }

    /// <summary>The original message text, unchanged (base64 stays base64).</summary>
    public string? Body { get; init; }

    /// <summary>Why it was poisoned.</summary>
    public required PoisonReason Reason { get; init; }

    /// <summary>The last error: exception type and message, or what is malformed.</summary>
    public required string Error { get; init; }

    /// <summary>How many times the message had been dequeued.</summary>
    public required long DequeueCount { get; init; }

    /// <summary>The function that could not process it.</summary>
    public required string FunctionName { get; init; }

    /// <summary>When the original was enqueued.</summary>
    public DateTimeOffset? InsertedOn { get; init; }

    /// <summary>When it was poisoned (host clock).</summary>
    public required DateTimeOffset PoisonedOn { get; init; }

    /// <summary>Blob (in the host container) holding the full record when it was too large for a queue message.</summary>
    public string? RecordBlob { get; init; }
}
