using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Relief.Hosting.Tests.Support;
using Relief.Testing;

namespace Relief.Hosting.Tests.Http;

public sealed class HttpFunctionTests : IAsyncLifetime
{
    private FunctionHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var azurite = await AzuriteServer.Shared;
        _host = TestHost.Build(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:http:maxRequestBodySize"] = "1024",
        });
        _host.Http<EchoFunction>("POST", "echo");
        _host.Http<BrokenFunction>("GET", "broken");
        await _host.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_host.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Post_ValidJson_ReturnsJsonFromFunction()
    {
        var response = await _client.PostAsJsonAsync("/api/echo", new TestMessage(4, "你好"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new TestMessage(4, "你好"), await response.Content.ReadFromJsonAsync<TestMessage>());
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400ProblemDetails()
    {
        var response = await _client.PostAsync("/api/echo", new StringContent("{\"id\": 1, \"text\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("Malformed JSON", problem.GetProperty("title").GetString());
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongContentType_Returns415ProblemDetails()
    {
        var response = await _client.PostAsync("/api/echo", new StringContent("id=1", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(415, problem.GetProperty("status").GetInt32());
        Assert.Contains("text/plain", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413ProblemDetails()
    {
        var large = JsonSerializer.Serialize(new TestMessage(1, new string('x', 2000)));

        var response = await _client.PostAsync("/api/echo", new StringContent(large, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Contains("1024 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413ProblemDetails()
    {
        var large = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new TestMessage(1, new string('x', 2000))));
        using var content = new StreamContent(new MemoryStream(large));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/echo") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await ProblemAsync(response);
    }

    [Fact]
    public async Task Get_UnknownRoute_Returns404ProblemDetails()
    {
        var response = await _client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Contains("GET /api/nothing-here", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RouteWithoutPrefix_Returns404()
    {
        var response = await _client.PostAsJsonAsync("/echo", new TestMessage(1, "a"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_FunctionThrows_Returns500ProblemDetailsWithoutInternals()
    {
        var response = await _client.GetAsync("/api/broken");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("internal detail", text, StringComparison.Ordinal);
    }
}
