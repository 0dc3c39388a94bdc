using System.Globalization;

namespace Relief.Durable.Storage;

/// <summary>The names of a task hub's storage resources.</summary>
public sealed class StorageNames(string hubName)
{
    private readonly string _lower = hubName.ToLowerInvariant();

    /// <summary>The task hub name.</summary>
    public string HubName => hubName;

    /// <summary>History table (PK instance id; the state row plus one row per episode).</summary>
    public string HistoryTable => hubName + "History";
    /// <summary>Instance index table for queries.</summary>
    public string InstancesTable => hubName + "Instances";
    /// <summary>Durable timers by partition.</summary>
    public string TimersTable => hubName + "Timers";
    /// <summary>Partition leases and host heartbeats.</summary>
    public string LeasesTable => hubName + "Leases";
    /// <summary>Quarantined (poison) messages.</summary>
    public string QuarantineTable => hubName + "Quarantine";
    /// <summary>The work-item queue.</summary>
    public string WorkItemQueue => _lower + "-workitems";
    /// <summary>The blob container for large payloads.</summary>
    public string PayloadContainer => _lower + "-largemessages";
    /// <summary>The control queue of a partition.</summary>
    public string ControlQueue(int partition) => string.Create(CultureInfo.InvariantCulture, $"{_lower}-control-{partition:D2}");
    /// <summary>The partition key used in timers and leases.</summary>
    public static string PartitionKey(int partition) => string.Create(CultureInfo.InvariantCulture, $"p{partition:D2}");
}
