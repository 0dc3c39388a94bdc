using Relief.Testing;

namespace Relief.FunctionsHost.Tests.Support;

/// <summary>App settings for one run of the conformance app: queue names and a task hub of its own.</summary>
public sealed class ConformanceSettings
{
    public ConformanceSettings(string tickSchedule = "0 0 0 1 1 *", string provider = DurableProviders.AzureStorage)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        Prefix = "c" + id;
        HubName = "Hub" + id;
        Values = new Dictionary<string, string>
        {
            ["StringQueue"] = Prefix + "-string",
            ["PocoQueue"] = Prefix + "-poco",
            ["SdkQueue"] = Prefix + "-sdk",
            ["FlakyQueue"] = Prefix + "-flaky",
            ["ReceivedQueue"] = Prefix + "-received",
            ["StartQueue"] = Prefix + "-start",
            ["TickQueue"] = Prefix + "-ticks",
            ["TickSchedule"] = tickSchedule,
        };
        Environment = new Dictionary<string, string>
        {
            ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = HubName,
            ["AzureFunctionsWebHost__hostid"] = Prefix,
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__type"] = provider,
        };
        Provider = provider;
    }

    public string Prefix { get; }

    /// <summary>The durable storage provider the host runs (host.json <c>storageProvider.type</c>).</summary>
    public string Provider { get; }

    public string HubName { get; }

    public Dictionary<string, string> Values { get; }

    public Dictionary<string, string> Environment { get; }

    public string Queue(string setting) => Values[setting];
}

/// <summary>The durable storage providers the host can run; every durable test runs on both.</summary>
public static class DurableProviders
{
    /// <summary>The Durable Task Framework's Azure Storage provider.</summary>
    public const string AzureStorage = "AzureStorage";

    /// <summary>Relief's lean provider.</summary>
    public const string Relief = "Relief";
}
