using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Relief.Durable.Metrics;

namespace Relief.Durable.Options;

/// <summary>
/// Settings of the lean provider (<see cref="LeanOrchestrationService"/>). Under a Functions host they come from
/// host.json <c>extensions.durableTask</c> (see the host's README); the defaults are documented per property.
/// </summary>
public sealed class LeanDurableOptions
{
    /// <summary>Task hub name: 3-45 letters and digits, starting with a letter. Required.</summary>
    public required string HubName { get; init; }

    /// <summary>Azure Storage connection string (tables and queues). Required.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Control-queue partitions, 1-16; an instance's partition is FNV-1a of its id. Default 4.</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>Orchestration work items handed out at once. Default 10 × cores.</summary>
    public int MaxConcurrentOrchestrations { get; init; } = 10 * Environment.ProcessorCount;

    /// <summary>Activity work items handed out at once. Default 10 × cores.</summary>
    public int MaxConcurrentActivities { get; init; } = 10 * Environment.ProcessorCount;

    /// <summary>Longest wait between polls of an idle control or work-item queue. Default 30 s (as Durable Functions).</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a received queue message stays invisible before it is delivered again. Default 5 minutes.</summary>
    public TimeSpan MessageVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Partition lease length: a crashed host's partitions move after it. Default 30 s.</summary>
    public TimeSpan LeaseInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often leases are renewed and free ones looked for. Default 10 s.</summary>
    public TimeSpan LeaseRenewInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The name this host holds leases under; must differ between a crashed host and its successor. Required.</summary>
    public required string WorkerId { get; init; }

    /// <summary>Deliveries of a control message that cannot be applied (its instance does not exist) before it is moved to the poison queue. Default 5.</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>Activities kept in memory by the partition owner before further ones go to the shared work-item queue. Default 1,000.</summary>
    public int LocalActivityBacklog { get; init; } = 1000;

    /// <summary>Instance states kept in memory between episodes (saves a read per episode). Default 10,000.</summary>
    public int InstanceCacheSize { get; init; } = 10_000;

    /// <summary>Clock of timers, leases and polling. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Logs. Default none.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Storage request counters (every request, retries included). Default a private instance.</summary>
    public StorageRequestMetrics? Metrics { get; init; }

    /// <summary>Fails naming the first bad setting.</summary>
    public void Validate()
    {
        if (HubName is null || HubName.Length is < 3 or > 45 || !char.IsAsciiLetter(HubName[0]) || !HubName.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"HubName must be 3-45 letters and digits starting with a letter (was '{HubName}').", nameof(HubName));
        }

        if (string.IsNullOrWhiteSpace(ConnectionString)) throw new ArgumentException("ConnectionString is required.", nameof(ConnectionString));
        if (string.IsNullOrWhiteSpace(WorkerId)) throw new ArgumentException("WorkerId is required.", nameof(WorkerId));
        if (PartitionCount is < 1 or > 16) throw new ArgumentException($"PartitionCount must be 1-16 (was {PartitionCount}).", nameof(PartitionCount));
        if (MaxConcurrentOrchestrations < 1) throw new ArgumentException("MaxConcurrentOrchestrations must be 1 or more.", nameof(MaxConcurrentOrchestrations));
        if (MaxConcurrentActivities < 1) throw new ArgumentException("MaxConcurrentActivities must be 1 or more.", nameof(MaxConcurrentActivities));
        if (LeaseRenewInterval <= TimeSpan.Zero || LeaseInterval <= LeaseRenewInterval) throw new ArgumentException($"LeaseInterval ({LeaseInterval}) must be longer than LeaseRenewInterval ({LeaseRenewInterval}).", nameof(LeaseInterval));
        if (MaxQueuePollingInterval <= TimeSpan.Zero) throw new ArgumentException("MaxQueuePollingInterval must be positive.", nameof(MaxQueuePollingInterval));
        if (MessageVisibilityTimeout < TimeSpan.FromSeconds(1)) throw new ArgumentException("MessageVisibilityTimeout must be 1 s or more.", nameof(MessageVisibilityTimeout));
        if (MaxDequeueCount < 1) throw new ArgumentException("MaxDequeueCount must be 1 or more.", nameof(MaxDequeueCount));
        if (LocalActivityBacklog < 0) throw new ArgumentException("LocalActivityBacklog must be 0 or more.", nameof(LocalActivityBacklog));
        if (InstanceCacheSize < 0) throw new ArgumentException("InstanceCacheSize must be 0 or more.", nameof(InstanceCacheSize));
    }
}
