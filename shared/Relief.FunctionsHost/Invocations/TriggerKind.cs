namespace Relief.FunctionsHost.Invocations;

/// <summary>The trigger kinds the host runs.</summary>
public enum TriggerKind
{
    /// <summary>An HTTP request.</summary>
    Http,

    /// <summary>An Azure Storage queue message.</summary>
    Queue,

    /// <summary>A CRON schedule occurrence.</summary>
    Timer,

    /// <summary>A durable orchestration episode (the local Functions host).</summary>
    Orchestration,

    /// <summary>A durable activity (the local Functions host).</summary>
    Activity,
}
