using Relief.Testing;
using System.Net;
using System.Text.Json;
using Relief.FunctionsHost.Tests.Support;

namespace Relief.FunctionsHost.Tests.Http;

[Collection(ConformanceCollection.Name)]
public sealed class HttpTriggerTests(ConformanceHost fixture)
{
    [Fact]
    public async Task Post_RouteQueryHeaderBody_ReachTheFunctionAndItsStatusComesBack()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/echo/4711?q=dibao&status=201") { Content = new StringContent("申请 body") };
        request.Headers.Add("x-conformance", "header-value");
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("4711", body.RootElement.GetProperty("id").GetString());
        Assert.Equal("POST", body.RootElement.GetProperty("method").GetString());
        Assert.Equal("dibao", body.RootElement.GetProperty("query").GetString());
        Assert.Equal("header-value", body.RootElement.GetProperty("header").GetString());
        Assert.Equal("申请 body", body.RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Get_UnknownRoute_Returns404ProblemDetails()
    {
        using var response = await fixture.Client.GetAsync("api/no-such-function");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/api/no-such-function", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_MethodTheFunctionDoesNotAccept_Returns404AsTheFunctionsHost()
    {
        using var response = await fixture.Client.DeleteAsync("api/echo/1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverHostJsonLimit_Returns413WithoutRunningTheFunction()
    {
        using var content = new StringContent(new string('x', 70_000));
        using var response = await fixture.Client.PostAsync("api/echo/big", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("maxRequestBodySize", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverHostJsonLimit_Returns413()
    {
        using var content = new StreamContent(new MemoryStream(new byte[70_000]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/echo/chunked") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Get_FunctionThrows_Returns500ProblemDetailsAndLogsTheFailure()
    {
        using var response = await fixture.Client.GetAsync("api/fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Fail", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Eventually.TrueAsync(() => fixture.Host.Output.Contains("Executed 'Fail' (Failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Succeeds_InvocationLoggedWithFunctionIdTriggerDurationOutcome()
    {
        using var response = await fixture.Client.GetAsync("api/echo/logged");
        response.EnsureSuccessStatusCode();

        await Eventually.TrueAsync(() => System.Text.RegularExpressions.Regex.IsMatch(
            fixture.Host.Output, @"Executed 'Echo' \(Succeeded, Id=[0-9a-f-]{36}, Trigger=Http, Duration=[0-9.]+ms\)"));
    }

    [Fact]
    public async Task Get_FunctionRunsPastFunctionTimeout_Returns500AndTheTimeoutIsLogged()
    {
        var settings = new ConformanceSettings();
        var environment = new Dictionary<string, string>(settings.Environment) { ["AzureFunctionsJobHost__functionTimeout"] = "00:00:02" };
        await using var host = await HostProcess.StartAsync(settings.Values, environment);

        using var response = await host.Client.GetAsync("api/echo/slow?delayMs=8000");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await Eventually.TrueAsync(() => host.Output.Contains("did not finish within functionTimeout", StringComparison.Ordinal));
    }
}
