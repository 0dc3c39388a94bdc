using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Relief.FunctionsHost.Benchmarks;

/// <summary>The baseline for HTTP: a plain ASP.NET Core server doing the conformance app's Echo work (read the
/// body, answer the same JSON), with no Functions host and no worker.</summary>
internal static class EchoServer
{
    public static async Task<WebApplication> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/api/echo/{id}", async (string id, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            return Results.Json(new Dictionary<string, object>
            {
                ["id"] = id, ["method"] = request.Method, ["query"] = request.Query["q"].ToString(),
                ["header"] = request.Headers["x-conformance"].ToString(), ["body"] = body, ["bodyLength"] = body.Length,
            });
        });
        await app.StartAsync();
        return app;
    }
}
