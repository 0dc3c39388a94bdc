using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Time.Testing;
using Relief.Cases.Intake;
using Relief.Cases.Storage.Queues;
using Relief.Testing;

namespace Relief.Functions.Tests.Builders;

/// <summary>
/// The real function app (Program.cs) on a test server against the shared Azurite, with its own task hub, cases
/// table and queues (so tests run in parallel), on a fake clock. <see cref="RestartAsync"/> stops it and starts a new
/// host on the same storage and clock.
/// </summary>
public sealed class ReliefApp : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Monday 2 March 2026, 09:00 in Beijing.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly Dictionary<string, string?> _settings;
    private Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? _services;
    private FunctionAppFactory _factory;

    private ReliefApp(string connectionString, FakeTimeProvider time, Dictionary<string, string?> settings)
    {
        ConnectionString = connectionString;
        Time = time;
        _settings = settings;
        _factory = new FunctionAppFactory(connectionString, time, settings);
        Client = _factory.CreateClient();
    }

    public string ConnectionString { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; private set; }

    public string PaymentsQueue => _settings["Relief:Cases:Payments:QueueName"]!;

    public string SupervisionQueue => _settings["Relief:Cases:Supervision:QueueName"]!;

    public string VerificationRequestQueue => _settings["Relief:Cases:Verification:RequestQueueName"]!;

    public string VerificationAnswerQueue => _settings["Relief:Cases:Verification:AnswerQueueName"]!;

    public IServiceProvider Services => _factory.Services;

    public static async Task<ReliefApp> StartAsync(DateTimeOffset? start = null)
    {
        var azurite = await AzuriteServer.Shared;
        var settings = new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = UniqueNames.Table("hub"),
            ["AzureFunctionsJobHost:extensions:durableTask:partitionCount"] = "2",
            ["AzureFunctionsJobHost:extensions:durableTask:maxPollingInterval"] = "00:00:00.2",
            ["AzureFunctionsJobHost:extensions:durableTask:partitionLeaseDuration"] = "00:00:06",
            ["AzureFunctionsJobHost:extensions:durableTask:partitionLeaseRenewInterval"] = "00:00:02",
            ["Relief:Cases:Store:TableName"] = UniqueNames.Table("cases"),
            ["Relief:Cases:Payments:QueueName"] = UniqueNames.Queue("payments"),
            ["Relief:Cases:Supervision:QueueName"] = UniqueNames.Queue("supervision"),
            ["Relief:Cases:Verification:RequestQueueName"] = UniqueNames.Queue("ev-requests"),
            ["Relief:Cases:Verification:AnswerQueueName"] = UniqueNames.Queue("ev-answers"),
        };
        var app = new ReliefApp(azurite.ConnectionString, new FakeTimeProvider(start ?? Start), settings);
        var health = await app.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        return app;
    }

    /// <summary>
    /// Stops the host (as a deployment or crash-restart would) and starts a new one on the same storage and clock;
    /// <paramref name="services"/> replaces services in the new host (a deployment with new data files).
    /// </summary>
    public async Task RestartAsync(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        _services = services ?? _services;
        _factory = new FunctionAppFactory(ConnectionString, Time, _settings, _services);
        Client = _factory.CreateClient();
    }

    /// <summary>Submits an application; asserts 202 and returns the case id.</summary>
    public async Task<string> SubmitAsync(ApplicationRequest application, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(application, options: Json) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        string caseId = body.GetProperty("caseId").GetString()!;
        Assert.Equal("/api/applications/" + caseId, response.Headers.Location?.ToString());
        return caseId;
    }

    /// <summary>Posts a case action.</summary>
    public Task<HttpResponseMessage> ActAsync(string caseId, string action, object body) =>
        Client.PostAsJsonAsync($"/api/applications/{caseId}/{action}", body, Json);

    /// <summary>Posts a case action and asserts 202.</summary>
    public async Task<JsonElement> ActAcceptedAsync(string caseId, string action, object body)
    {
        var response = await ActAsync(caseId, action, body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> StatusAsync(string caseId)
    {
        var response = await Client.GetAsync($"/api/applications/{caseId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls the status URL until <paramref name="condition"/> holds (a hang guard, not a timing assertion).</summary>
    public async Task<JsonElement> WaitForStatusAsync(string caseId, Func<JsonElement, bool> condition, string what, int seconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement status = default;
        while (DateTime.UtcNow < until)
        {
            status = await StatusAsync(caseId);
            if (condition(status)) return status;
            await Task.Delay(100);
        }

        Assert.Fail($"Timed out waiting for {what}. Last status: {status}");
        return status;
    }

    /// <summary>Waits until the case is in <paramref name="step"/> and the audit trail shows the move.</summary>
    public Task<JsonElement> WaitForStepAsync(string caseId, string step) =>
        WaitForStatusAsync(caseId, s => s.GetProperty("step").GetString() == step
            && (step == "Submitted" || History(s).Any(h => h.GetProperty("kind").GetString() == "StepChanged" && h.GetProperty("summary").GetString()!.EndsWith("→ " + step + ".", StringComparison.Ordinal))), "step " + step);

    /// <summary>Waits until a running deadline of <paramref name="kind"/> is shown (its timer is then set).</summary>
    public Task<JsonElement> WaitForDeadlineAsync(string caseId, string kind, int count = 1) =>
        WaitForStatusAsync(caseId, s => History(s).Count(h => h.GetProperty("kind").GetString() == "DeadlineSet" && h.GetProperty("summary").GetString()!.StartsWith("Deadline " + kind + ":", StringComparison.Ordinal)) >= count
            && Deadlines(s).Any(d => d.GetProperty("kind").GetString() == kind && d.GetProperty("running").GetBoolean()), "deadline " + kind);

    public static IEnumerable<JsonElement> History(JsonElement status) => status.GetProperty("history").EnumerateArray();

    public static IEnumerable<JsonElement> Deadlines(JsonElement status) => status.GetProperty("deadlines").EnumerateArray();

    /// <summary>Messages on a queue (peeked, decoded), waiting until <paramref name="condition"/> holds for them.</summary>
    public async Task<IReadOnlyList<T>> WaitForMessagesAsync<T>(string queueName, Func<IReadOnlyList<T>, bool> condition, int seconds = 60)
    {
        var queue = new QueueClient(ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var until = DateTime.UtcNow.AddSeconds(seconds);
        IReadOnlyList<T> messages = [];
        while (DateTime.UtcNow < until)
        {
            if ((await queue.ExistsAsync()).Value)
            {
                messages = (await queue.PeekMessagesAsync(32)).Value.Select(m => QueueMessageText.Decode<T>(m.Body.ToString())).ToArray();
                if (condition(messages)) return messages;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Timed out waiting for messages on {queueName}; found {messages.Count}.");
        return messages;
    }

    /// <summary>
    /// Plays the agencies: waits for the case's six economic-verification requests and answers each (except
    /// <paramref name="silent"/>) on the answer queue, as the checking centre would (base64 JSON, the Functions default).
    /// </summary>
    public async Task<IReadOnlyList<EconomicVerificationRequestMessage>> AnswerVerificationsAsync(string caseId, string[]? silent = null, string? discrepancyFrom = null)
    {
        var requests = await WaitForMessagesAsync<EconomicVerificationRequestMessage>(VerificationRequestQueue, m => m.Count(r => r.CaseId == caseId) >= 6);
        var answers = new QueueClient(ConnectionString, VerificationAnswerQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await answers.CreateIfNotExistsAsync();
        var mine = requests.Where(r => r.CaseId == caseId).ToArray();
        foreach (var request in mine.Where(r => !(silent ?? []).Contains(r.Agency)))
        {
            bool discrepancy = request.Agency == discrepancyFrom;
            var answer = new EconomicVerificationAnswerMessage(request.RequestId, caseId, request.Agency, Time.GetUtcNow(),
                discrepancy ? "Records show more than declared." : "Records match the declaration.", discrepancy);
            await answers.SendMessageAsync(QueueMessageText.Encode(answer, base64: true));
        }

        return mine;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
