using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Relief.FunctionsHost.Startup;

/// <summary>The host's two Kestrel endpoints: the public HTTP one (functions, admin) and the internal gRPC
/// one on loopback (the worker's event stream and the Durable Task sidecar). Ports are known after start.</summary>
public sealed class HostEndpoints
{
    internal ListenOptions? Public { get; set; }

    internal ListenOptions? Internal { get; set; }

    /// <summary>The public base address, e.g. <c>http://localhost:7071/</c>.</summary>
    public Uri PublicUri => new($"http://localhost:{Public?.IPEndPoint?.Port ?? throw NotStarted()}/");

    /// <summary>The internal gRPC address on loopback.</summary>
    public Uri InternalUri => new($"http://127.0.0.1:{Internal?.IPEndPoint?.Port ?? throw NotStarted()}/");

    /// <summary>The public port.</summary>
    public int PublicPort => Public?.IPEndPoint?.Port ?? throw NotStarted();

    /// <summary>The internal port.</summary>
    public int InternalPort => Internal?.IPEndPoint?.Port ?? throw NotStarted();

    private static InvalidOperationException NotStarted() => new("The host has not started listening yet.");
}
