using Relief.Testing;
namespace Relief.FunctionsHost.Tests.Support;

/// <summary>One host process running the conformance app, shared by the tests of the collection.</summary>
public sealed class ConformanceHost : IAsyncLifetime
{
    public ConformanceSettings Settings { get; } = new();

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
