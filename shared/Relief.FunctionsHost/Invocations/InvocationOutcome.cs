namespace Relief.FunctionsHost.Invocations;

/// <summary>How an invocation ended (logged with every invocation).</summary>
public enum InvocationOutcome
{
    /// <summary>The function returned normally.</summary>
    Succeeded,

    /// <summary>The function threw; a queue message is retried or poisoned, a timer waits for its next occurrence.</summary>
    Failed,

    /// <summary>The host stopped the invocation (shutdown); a queue message is made visible again.</summary>
    Cancelled,

    /// <summary>The input was refused before the function ran (malformed body or message, dequeued too often).</summary>
    Rejected,

    /// <summary>Not run: another host runs this timer occurrence, or it already ran.</summary>
    Skipped,
}
