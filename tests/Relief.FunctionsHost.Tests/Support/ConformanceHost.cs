using Relief.Testing;
namespace Relief.FunctionsHost.Tests.Support;

/// <summary>One host process running the conformance app, shared by the tests of the collection.</summary>
public class ConformanceHost : IAsyncLifetime
{
    public ConformanceHost()
        : this(DurableProviders.AzureStorage)
    {
    }

    protected ConformanceHost(string provider) => Settings = new ConformanceSettings(provider: provider);

    public ConformanceSettings Settings { get; }

    public HostProcess Host { get; private set; } = null!;

    public HttpClient Client => Host.Client;

    public async Task InitializeAsync() => Host = await HostProcess.StartAsync(Settings.Values, Settings.Environment);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<ConformanceHost>
{
    public const string Name = "Conformance host";
}

/// <summary>The conformance app on a host running Relief's lean durable provider.</summary>
public sealed class LeanConformanceHost() : ConformanceHost(DurableProviders.Relief);

[CollectionDefinition(Name)]
public sealed class LeanConformanceCollection : ICollectionFixture<LeanConformanceHost>
{
    public const string Name = "Conformance host, lean durable provider";
}
