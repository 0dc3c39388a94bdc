using Microsoft.AspNetCore.Http;
using Relief.Hosting.Http;
using Relief.Hosting.Invocations;

namespace Relief.Functions.Applications;

/// <summary><c>GET /api/openapi.json</c>: the OpenAPI 3 document of the HTTP API (a hand-written embedded resource).</summary>
public sealed class OpenApi : IHttpFunction
{
    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(OpenApi).Assembly.GetManifestResourceStream("Relief.Functions.openapi.json")
            ?? throw new InvalidOperationException("The embedded OpenAPI document is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public Task<IResult> RunAsync(HttpRequest request, FunctionContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IResult>(TypedResults.Bytes(Document.Value, "application/json"));
}
