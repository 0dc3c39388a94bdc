using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Relief.Functions.Tests.Builders;
using Relief.Hosting;
using Relief.Hosting.Invocations;

namespace Relief.Functions.Tests.Applications;

/// <summary><c>GET /api/openapi.json</c> describes exactly the HTTP functions Program.cs maps.</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task OpenApi_Document_DescribesEveryMappedHttpFunctionAndNothingElse()
    {
        await using var app = await ReliefApp.StartAsync();

        var response = await app.Client.GetAsync("/api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var documented = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (Key: $"{m.Name.ToUpperInvariant()} {p.Name}", OperationId: m.Value.GetProperty("operationId").GetString())))
            .ToDictionary(x => x.Key, x => x.OperationId);
        var mapped = app.Services.GetRequiredService<FunctionRegistry>().All
            .Where(f => f.Trigger == TriggerKind.Http)
            .ToDictionary(f => f.Target.Split(' ')[0] + " /api/" + f.Target.Split(' ')[1], f => (string?)f.Name);
        Assert.Equal(mapped.Keys.Order(), documented.Keys.Order());
        Assert.All(mapped, m => Assert.Equal(m.Value, documented[m.Key]));

        // Every schema reference resolves.
        var schemas = doc.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToHashSet();
        var text = doc.GetRawText();
        foreach (var reference in System.Text.RegularExpressions.Regex.Matches(text, "#/components/schemas/([A-Za-z]+)").Select(m => m.Groups[1].Value).Distinct())
        {
            Assert.Contains(reference, schemas);
        }
    }
}
