using Microsoft.Extensions.Configuration;
using Relief.FunctionsHost.Configuration;

namespace Relief.FunctionsHost.Durable;

/// <summary>host.json <c>extensions.durableTask</c>, the settings of Durable Functions that this host honours
/// (names and defaults as in Durable Functions with the Azure Storage provider).</summary>
public sealed class DurableOptions
{
    /// <summary>The host.json path.</summary>
    public const string Path = "extensions.durableTask";

    /// <summary>Task hub name: 3-45 letters and digits, starting with a letter. Default <c>TestHubName</c>.</summary>
    public string HubName { get; set; } = "TestHubName";

    /// <summary>Most orchestrator episodes at once. Default 10 × cores.</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Most activities at once. Default 10 × cores.</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Storage provider settings (<c>storageProvider</c>).</summary>
    public DurableStorageOptions StorageProvider { get; set; } = new();

    /// <summary>Binds the section; an unknown key or a bad value fails naming it.</summary>
    public static DurableOptions Read(IConfiguration configuration)
    {
        var options = new DurableOptions();
        HostJson.Bind(configuration, Path, options);
        var hub = options.HubName;
        if (hub.Length is < 3 or > 45 || !char.IsAsciiLetter(hub[0]) || !hub.All(char.IsAsciiLetterOrDigit))
        {
            throw new HostConfigurationException(Path + ".hubName", $"must be 3-45 letters and digits starting with a letter (was {hub}).");
        }

        var type = DurableStorageOptions.Types.FirstOrDefault(t => string.Equals(t, options.StorageProvider.Type, StringComparison.OrdinalIgnoreCase));
        if (type is not null) options.StorageProvider.Type = type;
        else
        {
            throw new HostConfigurationException(Path + ".storageProvider.type", $"must be one of {string.Join(", ", DurableStorageOptions.Types)} (was {options.StorageProvider.Type}).");
        }

        if (options.StorageProvider.PartitionCount is < 1 or > 16) throw new HostConfigurationException(Path + ".storageProvider.partitionCount", $"must be between 1 and 16 (was {options.StorageProvider.PartitionCount}).");
        if (options.MaxConcurrentActivityFunctions < 1) throw new HostConfigurationException(Path + ".maxConcurrentActivityFunctions", "must be 1 or more.");
        if (options.MaxConcurrentOrchestratorFunctions < 1) throw new HostConfigurationException(Path + ".maxConcurrentOrchestratorFunctions", "must be 1 or more.");
        return options;
    }
}

/// <summary>host.json <c>extensions.durableTask.storageProvider</c>.</summary>
public sealed class DurableStorageOptions
{
    /// <summary>The Durable Task Framework's Azure Storage provider (the default, as in Durable Functions).</summary>
    public const string AzureStorage = "AzureStorage";

    /// <summary>Relief's lean provider on Azure Storage (<c>shared/Relief.Durable</c>).</summary>
    public const string Relief = "Relief";

    /// <summary>The provider types this host runs.</summary>
    public static readonly string[] Types = [AzureStorage, Relief];

    /// <summary>Which provider: <c>AzureStorage</c> (default) or <c>Relief</c>. Both take the settings below.</summary>
    public string Type { get; set; } = AzureStorage;

    /// <summary>Name of the setting with the storage connection. Default <c>AzureWebJobsStorage</c>.</summary>
    public string ConnectionName { get; set; } = "AzureWebJobsStorage";

    /// <summary>Control-queue partitions, 1-16. Default 4.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Longest wait between polls of an idle queue. Default 30 s.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a dequeued control-queue message stays invisible. Default 5 minutes.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a dequeued work-item message stays invisible. Default 5 minutes.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Partition lease length. Default 30 s (a crashed host's partitions move after it).</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often leases are renewed. Default 10 s.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often free leases are looked for. Default 10 s.</summary>
    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The name this host claims partition leases under. Default: the machine name plus a suffix unique to this
    /// start. It must differ between a crashed host and its successor on the same machine: under the same name
    /// the successor takes the dead host's leases for its own and never listens on their partitions.
    /// </summary>
    public string? WorkerId { get; set; }
}
