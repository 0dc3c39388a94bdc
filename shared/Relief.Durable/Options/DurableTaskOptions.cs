namespace Relief.Durable;

/// <summary>
/// Settings of the durable engine, bound from <c>AzureFunctionsJobHost:extensions:durableTask</c>
/// (host.json <c>extensions.durableTask</c>) or any configuration section, validated at start.
/// </summary>
public sealed class DurableTaskOptions
{
    /// <summary>The configuration section the host maps host.json's <c>extensions.durableTask</c> to.</summary>
    public const string DefaultSectionName = "AzureFunctionsJobHost:extensions:durableTask";

    /// <summary>The task hub name: letters and digits, starting with a letter, 3–45 characters. Default "ReliefHub".</summary>
    public string HubName { get; set; } = "ReliefHub";

    /// <summary>The storage connection string. Default: configuration value named by <see cref="ConnectionName"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The configuration key holding the connection string. Default "AzureWebJobsStorage".</summary>
    public string ConnectionName { get; set; } = "AzureWebJobsStorage";

    /// <summary>Number of control-queue partitions (1–16). Fixed for the life of a hub. Default 4.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Activities run at once by one process. Default 10.</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 10;

    /// <summary>Orchestration episodes run at once by one process. Default 10.</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10;

    /// <summary>
    /// Activities the owning process may queue in memory before sending further ones to the shared
    /// work-item queue (0 = always use the queue). Default 100.
    /// </summary>
    public int LocalActivityBacklog { get; set; } = 100;

    /// <summary>Owned instances whose history is kept in memory between episodes. Default 1000.</summary>
    public int InstanceCacheSize { get; set; } = 1000;

    /// <summary>Longest wait between polls of an empty queue. Default 5 s.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a received message stays invisible while it is processed. Default 5 min.</summary>
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Deliveries after which a message is quarantined as poison. Default 5.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a partition lease lasts without renewal. Default 30 s.</summary>
    public TimeSpan PartitionLeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often leases are renewed and balanced. Default 10 s (must be under a third of the lease).</summary>
    public TimeSpan PartitionLeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an instance may stay Pending before its partition owner starts it from its index row. A start
    /// is recorded by the client's index row first; if the client died before sending the start message (or an
    /// in-process start was dropped because the partition moved), nothing else would ever start it. Owners
    /// look for such rows at this interval; a start that merely waited in a long queue is de-duplicated.
    /// Default 5 min.
    /// </summary>
    public TimeSpan PendingStartTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A stable name for this process. Default: machine name + process id. A process restarted with the
    /// same id takes its own leases back at once; two live processes must never share an id.
    /// </summary>
    public string? HostId { get; set; }

    /// <summary>
    /// Most HTTP connections this process keeps to each storage service (tables, queues, blobs). Requests beyond
    /// it wait for a free connection rather than opening new ones: a burst (e.g. hundreds of starts at once)
    /// otherwise opens a connection per request, which costs the storage service more than the requests do.
    /// Default 48.
    /// </summary>
    public int MaxStorageConnections { get; set; } = 48;

    /// <summary>Payloads larger than this many bytes go to blobs. Default 45 000.</summary>
    public int LargePayloadThreshold { get; set; } = 45_000;

    /// <summary>Checks the settings; returns the problems found.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(HubName) || HubName.Length is < 3 or > 45 || !char.IsAsciiLetter(HubName[0]) || !HubName.All(char.IsAsciiLetterOrDigit))
            errors.Add($"HubName '{HubName}' must be 3–45 letters or digits starting with a letter.");
        if (string.IsNullOrWhiteSpace(ConnectionString))
            errors.Add($"No storage connection string: set ConnectionString or configuration '{ConnectionName}'.");
        if (PartitionCount is < 1 or > 16) errors.Add($"PartitionCount {PartitionCount} must be 1–16.");
        if (MaxConcurrentActivityFunctions < 1) errors.Add("MaxConcurrentActivityFunctions must be ≥ 1.");
        if (MaxConcurrentOrchestratorFunctions < 1) errors.Add("MaxConcurrentOrchestratorFunctions must be ≥ 1.");
        if (LocalActivityBacklog < 0) errors.Add("LocalActivityBacklog must be ≥ 0.");
        if (InstanceCacheSize < 0) errors.Add("InstanceCacheSize must be ≥ 0.");
        if (MaxPollingInterval <= TimeSpan.Zero) errors.Add("MaxPollingInterval must be positive.");
        if (MessageVisibilityTimeout < TimeSpan.FromSeconds(1)) errors.Add("MessageVisibilityTimeout must be ≥ 1 s.");
        if (MaxDequeueCount < 1) errors.Add("MaxDequeueCount must be ≥ 1.");
        if (PartitionLeaseDuration < TimeSpan.FromSeconds(2)) errors.Add("PartitionLeaseDuration must be ≥ 2 s.");
        if (PartitionLeaseRenewInterval <= TimeSpan.Zero || PartitionLeaseRenewInterval * 3 > PartitionLeaseDuration)
            errors.Add("PartitionLeaseRenewInterval must be positive and at most a third of PartitionLeaseDuration.");
        if (MaxStorageConnections < 2) errors.Add("MaxStorageConnections must be ≥ 2.");
        if (PendingStartTimeout < TimeSpan.FromMilliseconds(100)) errors.Add("PendingStartTimeout must be ≥ 100 ms.");
        if (LargePayloadThreshold is < 1024 or > 48_000) errors.Add("LargePayloadThreshold must be 1 024–48 000 bytes.");
        return errors;
    }
}
