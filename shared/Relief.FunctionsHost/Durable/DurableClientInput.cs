using System.Text.Json;
using Relief.FunctionsHost.Startup;

namespace Relief.FunctionsHost.Durable;

/// <summary>The value of a <c>durableClient</c> binding: the JSON the worker's converter reads to point its
/// DurableTaskClient at this host's sidecar.</summary>
internal sealed class DurableClientInput(HostEndpoints endpoints, DurableSettings settings, HostContext context)
{
    private string? _json;

    public string Json => _json ??= JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["taskHubName"] = settings.Options.HubName,
        ["connectionName"] = settings.Options.StorageProvider.ConnectionName,
        ["rpcBaseUrl"] = endpoints.InternalUri.ToString(),
        ["httpBaseUrl"] = new Uri(endpoints.PublicUri, "runtime/webhooks/durabletask").ToString(),
        ["requiredQueryStringParameters"] = "",
        ["maxGrpcMessageSizeInBytes"] = context.Options.MaxMessageLength,
    });
}

/// <summary>The durable settings in force (read once at start).</summary>
internal sealed class DurableSettings(DurableOptions options)
{
    public DurableOptions Options { get; } = options;
}
