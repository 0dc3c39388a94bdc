using Azure.Core;
using Azure.Core.Pipeline;

namespace Relief.Durable.Metrics;

/// <summary>
/// An Azure SDK pipeline policy that counts every storage request (each retry too — each is billed)
/// by service and operation, into <see cref="StorageRequestMetrics"/>.
/// </summary>
public sealed class StorageRequestCountingPolicy : HttpPipelineSynchronousPolicy
{
    private readonly StorageRequestMetrics _metrics;
    private readonly string _service;

    /// <summary>Creates the policy for one service ("table", "queue" or "blob").</summary>
    public StorageRequestCountingPolicy(StorageRequestMetrics metrics, string service)
    {
        _metrics = metrics;
        _service = service;
    }

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _metrics.Record(_service, Classify(_service, message.Request));
    }

    /// <summary>Names the operation of a request.</summary>
    public static string Classify(string service, Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method.Method;
        var path = request.Uri.Path;
        var query = request.Uri.Query;
        switch (service)
        {
            case "table":
                if (path.EndsWith("$batch", StringComparison.Ordinal)) return "batch";
                if (path.EndsWith("/Tables", StringComparison.Ordinal) || path.Contains("/Tables(", StringComparison.Ordinal)) return "table-admin";
                return method switch
                {
                    "GET" => path.EndsWith(')') && !path.EndsWith("()", StringComparison.Ordinal) ? "point-read" : "query",
                    "POST" => "insert",
                    "PUT" or "MERGE" or "PATCH" => "update",
                    "DELETE" => "delete",
                    _ => method.ToLowerInvariant(),
                };
            case "queue":
                if (path.EndsWith("/messages", StringComparison.Ordinal))
                {
                    return method switch
                    {
                        "GET" => query.Contains("peekonly", StringComparison.OrdinalIgnoreCase) ? "peek" : "receive",
                        "POST" => "send",
                        "DELETE" => "clear",
                        _ => method.ToLowerInvariant(),
                    };
                }
                if (path.Contains("/messages/", StringComparison.Ordinal)) return method == "DELETE" ? "delete" : "update";
                return query.Contains("comp=metadata", StringComparison.OrdinalIgnoreCase) ? "metadata" : "queue-admin";
            default:
                if (query.Contains("comp=lease", StringComparison.OrdinalIgnoreCase)) return "lease";
                if (query.Contains("restype=container", StringComparison.OrdinalIgnoreCase)) return query.Contains("comp=list", StringComparison.OrdinalIgnoreCase) ? "list" : "container-admin";
                return method switch
                {
                    "GET" => "read",
                    "PUT" => "write",
                    "HEAD" => "properties",
                    "DELETE" => "delete",
                    _ => method.ToLowerInvariant(),
                };
        }
    }
}
