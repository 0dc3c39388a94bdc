namespace Relief.FunctionsHost.Configuration;

/// <summary>Where the host keeps its own state (schedule status, locks, large poison messages).</summary>
public sealed class StorageOptions
{
    /// <summary>The app setting naming the storage account (connection string).</summary>
    public const string ConnectionSetting = "AzureWebJobsStorage";

    /// <summary>Connection string of the storage account. Default <c>UseDevelopmentStorage=true</c> (Azurite).</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Host id: apps sharing one account keep their state apart by it. App setting
    /// <c>AzureFunctionsWebHost:hostid</c>; default <c>relief</c>. Lower-case letters, digits, dashes.</summary>
    public string HostId { get; set; } = "relief";

    /// <summary>Blob container of host state. Default <c>azure-webjobs-hosts</c> (as Functions).</summary>
    public string HostContainer { get; set; } = "azure-webjobs-hosts";

    /// <summary>How long <c>/api/health</c> waits for storage. Default 5 s.</summary>
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
