using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Relief.Functions.Diagnostics;
using Relief.Hosting;
using Relief.Hosting.Invocations;
using Relief.Hosting.Queues;
using Relief.Hosting.Timers;
using Relief.Testing;

namespace Relief.Functions.Tests.Diagnostics;

/// <summary>The app's own storage (Program.cs uses fixed queue names), shared by this class's tests.</summary>
public sealed class PrivateAzurite : IAsyncLifetime
{
    public AzuriteServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await AzuriteServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class DiagnosticsFunctionsTests(PrivateAzurite storage) : IClassFixture<PrivateAzurite>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Program_EveryTriggerKind_MappedToItsFunction()
    {
        await using var app = new FunctionAppFactory(storage.Server.ConnectionString);
        _ = app.CreateClient();

        var functions = app.Services.GetRequiredService<FunctionRegistry>().All;

        Assert.Contains(functions, f => f is { Name: nameof(Health), Trigger: TriggerKind.Http, Target: "GET health" });
        Assert.Contains(functions, f => f is { Name: nameof(SendPing), Trigger: TriggerKind.Http, Target: "POST ping" });
        Assert.Contains(functions, f => f is { Name: nameof(Ping), Trigger: TriggerKind.Queue, Target: "ping" });
        Assert.Contains(functions, f => f is { Name: nameof(Heartbeat), Trigger: TriggerKind.Timer });
    }

    [Fact]
    public async Task Health_StorageReachable_Returns200WithReport()
    {
        await using var app = new FunctionAppFactory(storage.Server.ConnectionString);
        var client = app.CreateClient();

        var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("storage").GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task Health_StorageUnreachable_Returns503()
    {
        var nowhere = storage.Server.ConnectionString
            .Replace($":{storage.Server.BlobPort}/", ":9/", StringComparison.Ordinal)
            .Replace($":{storage.Server.QueuePort}/", ":9/", StringComparison.Ordinal);
        await using var app = new FunctionAppFactory(nowhere, settings: new Dictionary<string, string?> { ["Relief:HealthTimeout"] = "00:00:02" });
        var client = app.CreateClient();

        var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("storage").GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task SendPing_ThenPingQueueFunction_EchoesMessageToPongQueue()
    {
        await using var app = new FunctionAppFactory(storage.Server.ConnectionString);
        var client = app.CreateClient();
        var text = "ping-" + UniqueNames.Queue("t");

        var response = await client.PostAsJsonAsync("/api/ping", new PingMessage(text));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var pong = new QueueClient(storage.Server.ConnectionString, Ping.ReplyQueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        PingMessage? echoed = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (echoed is null && DateTime.UtcNow < deadline)
        {
            if ((await pong.ExistsAsync()).Value)
            {
                foreach (var message in (await pong.ReceiveMessagesAsync(32)).Value)
                {
                    var decoded = QueueMessageCodec.Decode<PingMessage>(message.Body.ToString(), Json);
                    if (decoded.Value?.Text == text) echoed = decoded.Value;
                }
            }

            if (echoed is null) await Task.Delay(50);
        }

        Assert.Equal(new PingMessage(text), echoed);
    }

    [Fact]
    public async Task SendPing_MalformedJson_Returns400ProblemDetails()
    {
        await using var app = new FunctionAppFactory(storage.Server.ConnectionString);
        var client = app.CreateClient();

        var response = await client.PostAsync("/api/ping", new StringContent("{\"text\":", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SendPing_EmptyText_Returns400WithFieldError()
    {
        await using var app = new FunctionAppFactory(storage.Server.ConnectionString);
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/ping", new PingMessage(""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Heartbeat_FakeClockPassesFiveMinuteMark_RunsAndRecordsStatus()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 4, 50, TimeSpan.FromHours(8)));
        await using var app = new FunctionAppFactory(storage.Server.ConnectionString, time);
        _ = app.CreateClient();
        var status = new BlobClient(storage.Server.ConnectionString, "azure-webjobs-hosts", "timers/relief/Heartbeat/status");
        var expected = new DateTimeOffset(2026, 3, 2, 10, 5, 0, TimeSpan.FromHours(8));

        ScheduleStatus? current = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (current?.Last != expected && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(30);
            if ((await status.ExistsAsync()).Value) current = (await status.DownloadContentAsync()).Value.Content.ToObjectFromJson<ScheduleStatus>(Json);
        }

        Assert.Equal(expected, current?.Last);
        Assert.Equal(expected.AddMinutes(5), current?.Next);
    }
}
