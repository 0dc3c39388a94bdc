using Relief.Testing;

namespace Relief.FunctionsHost.Tests.Support;

/// <summary>App settings for one run of the conformance app: queue names and a task hub of its own.</summary>
public sealed class ConformanceSettings
{
    public ConformanceSettings(string tickSchedule = "0 0 0 1 1 *")
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
        };
    }

    public string Prefix { get; }

    public string HubName { get; }

    public Dictionary<string, string> Values { get; }

    public Dictionary<string, string> Environment { get; }

    public string Queue(string setting) => Values[setting];
}
