using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Applications;

/// <summary><c>GET /api/openapi.json</c> describes exactly the HTTP functions of the build's <c>functions.metadata</c>.</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task OpenApi_Document_DescribesEveryHttpFunctionAndNothingElse()
    {
        await using var app = await ReliefApp.StartAsync();

        var response = await app.Client.GetAsync("api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var documented = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (Key: $"{m.Name.ToUpperInvariant()} {p.Name}", OperationId: m.Value.GetProperty("operationId").GetString())))
            .ToDictionary(x => x.Key, x => x.OperationId);
        var mapped = FunctionMetadataTests.HttpRoutes().ToDictionary(r => $"{r.Method} /api/{r.Route}", r => (string?)r.Function);
        Assert.Equal(mapped.Keys.Order(), documented.Keys.Order());
        Assert.All(mapped, m => Assert.Equal(m.Value, documented[m.Key]));

        // The bearer scheme is declared and required everywhere but on the two anonymous operations.
        Assert.Equal("bearer", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("bearer", doc.GetProperty("security")[0].EnumerateObject().Single().Name);
        var open = doc.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(m => (Path: p.Name, Op: m.Value)))
            .Where(x => x.Op.TryGetProperty("security", out var sec) && sec.GetArrayLength() == 0).Select(x => x.Path).Order().ToArray();
        Assert.Equal(new[] { "/api/health", "/api/openapi.json" }, open);

        // Every schema reference resolves.
        var schemas = doc.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToHashSet();
        var text = doc.GetRawText();
        foreach (var reference in System.Text.RegularExpressions.Regex.Matches(text, "#/components/schemas/([A-Za-z]+)").Select(m => m.Groups[1].Value).Distinct())
        {
            Assert.Contains(reference, schemas);
        }
    }
}
