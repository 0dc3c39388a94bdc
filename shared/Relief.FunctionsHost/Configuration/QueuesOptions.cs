namespace Relief.FunctionsHost.Configuration;

/// <summary>Queue trigger settings, host.json <c>extensions.queues</c> (names and defaults as in Azure Functions).</summary>
public sealed class QueuesOptions
{
    /// <summary>The host.json path of this section.</summary>
    public const string Path = "extensions.queues";

    /// <summary>Longest wait between polls of an empty queue; the wait doubles from 100 ms up to this.
    /// Default 1 minute; at least 100 ms.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a message whose invocation failed stays invisible before it is retried. Default 0.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Messages fetched per poll and run in parallel. Default 16; 1 to 32.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>A new batch is fetched when no more than this many invocations are running.
    /// Default <c>batchSize / 2</c>; 0 or more.</summary>
    public int? NewBatchThreshold { get; set; }

    /// <summary>Attempts before a message goes to <c>&lt;queue&gt;-poison</c>. Default 5; at least 1.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How the host writes messages (poison, outputs): <c>base64</c> (default, as Functions) or <c>none</c>.
    /// Either form is accepted when reading.</summary>
    public string MessageEncoding { get; set; } = "base64";

    /// <summary>How long a received message stays invisible while its invocation runs; renewed at half-time.
    /// Default 10 minutes; 1 second to 7 days. (Not a Functions setting: the WebJobs SDK uses a fixed 10 minutes.)</summary>
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The effective new-batch threshold.</summary>
    public int EffectiveNewBatchThreshold => NewBatchThreshold ?? BatchSize / 2;

    /// <summary>True when outgoing messages are base64-encoded.</summary>
    public bool EncodesBase64 => string.Equals(MessageEncoding, "base64", StringComparison.OrdinalIgnoreCase);
}
