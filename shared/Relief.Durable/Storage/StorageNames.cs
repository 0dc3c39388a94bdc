using System.Globalization;

namespace Relief.Durable.Storage;

/// <summary>
/// Names of a hub's tables and queues. They differ from the Azure Storage provider's (<c>{hub}Instances</c>,
/// <c>{hub}-control-00</c>), so both providers can serve hubs of the same name in one account.
/// </summary>
public sealed class StorageNames(string hubName)
{
    /// <summary>The hub.</summary>
    public string Hub { get; } = hubName;

    /// <summary>One row per instance: status, and the current generation's history.</summary>
    public string InstancesTable => Hub + "LeanInstances";

    /// <summary>Partition leases and host heartbeats.</summary>
    public string LeasesTable => Hub + "LeanLeases";

    /// <summary>Messages too large for a queue message, split over properties.</summary>
    public string PayloadsTable => Hub + "LeanPayloads";

    /// <summary>The control queue of a partition.</summary>
    public string ControlQueue(int partition) => $"{Hub.ToLowerInvariant()}-lean-control-{partition.ToString("00", CultureInfo.InvariantCulture)}";

    /// <summary>Activities the partition owner does not keep in memory; any host takes them.</summary>
    public string WorkItemQueue => Hub.ToLowerInvariant() + "-lean-workitems";

    /// <summary>Messages that could not be applied, with the reason.</summary>
    public string PoisonQueue => Hub.ToLowerInvariant() + "-lean-poison";
}
