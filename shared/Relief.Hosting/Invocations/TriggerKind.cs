namespace Relief.Hosting.Invocations;

/// <summary>The trigger kinds the host runs.</summary>
public enum TriggerKind
{
    /// <summary>An HTTP request.</summary>
    Http,

    /// <summary>An Azure Storage queue message.</summary>
    Queue,

    /// <summary>A CRON schedule occurrence.</summary>
    Timer,
}
