using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Relief.Functions.Applications;

/// <summary><c>GET /api/openapi.json</c>: the OpenAPI 3 document of the HTTP API (a hand-written embedded resource).</summary>
public sealed class OpenApi
{
    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(OpenApi).Assembly.GetManifestResourceStream("Relief.Functions.openapi.json")
            ?? throw new InvalidOperationException("The embedded OpenAPI document is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    [Function(nameof(OpenApi))]
    public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        TypedResults.Bytes(Document.Value, "application/json");
}
