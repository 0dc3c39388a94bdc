using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Relief.Cases.Intake;
using Relief.Cases.Storage.Queues;
using Relief.Domain.Policies.Loading;
using Relief.Testing;

namespace Relief.Functions.Tests.Builders;

/// <summary>
/// The built Relief app run by the local Functions host as an OS process, on the test run's Azurite, in real time:
/// its own task hub, cases table and queues (tests run in parallel). The policy folder holds the shipped files plus
/// the rehearsal jurisdiction (<c>rehearsal/drill</c>: Qingdao's figures, each day of the procedure 2 seconds), so a
/// whole case with its notice and deadlines runs in seconds. <see cref="RestartAsync"/> starts a new host on the same
/// storage (after a stop or a kill).
/// </summary>
public sealed class ReliefApp : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Seconds one day of the rehearsal jurisdiction lasts.</summary>
    public const int RehearsalSecondsPerDay = 2;

    private readonly Dictionary<string, string> _settings;
    private readonly Dictionary<string, string> _environment;

    private ReliefApp(string connectionString, Dictionary<string, string> settings, Dictionary<string, string> environment, HostProcess host)
    {
        ConnectionString = connectionString;
        _settings = settings;
        _environment = environment;
        Host = host;
    }

    public string ConnectionString { get; }

    public HostProcess Host { get; private set; }

    /// <summary>The host's client, signed in as <see cref="TestTokens.Office"/>.</summary>
    public HttpClient Client => Host.Client;

    /// <summary>A client signed in as <paramref name="person"/> (the caller disposes it).</summary>
    public HttpClient ClientAs(Relief.Identity.TokenRequest person) => ClientWith(TestTokens.Bearer(person));

    /// <summary>A client sending <paramref name="authorization"/> (null: no token at all).</summary>
    public HttpClient ClientWith(System.Net.Http.Headers.AuthenticationHeaderValue? authorization)
    {
        var client = new HttpClient { BaseAddress = Host.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = authorization;
        return client;
    }

    public string HubName => _environment["AzureFunctionsJobHost__extensions__durableTask__hubName"];

    /// <summary>
    /// The durable storage provider of this run: <c>RELIEF_TEST_DURABLE_PROVIDER</c> (<c>AzureStorage</c>, the default,
    /// or <c>Relief</c>); the test script runs this project once per provider.
    /// </summary>
    public static string DurableProvider => Environment.GetEnvironmentVariable("RELIEF_TEST_DURABLE_PROVIDER") is { Length: > 0 } p ? p : "AzureStorage";

    /// <summary>The table with one row per orchestration instance (PartitionKey = instance id) under either provider.</summary>
    public string InstancesTable => HubName + (DurableProvider == "Relief" ? "LeanInstances" : "Instances");

    public string CaseTable => _settings["Relief:Cases:Store:TableName"];

    /// <summary>The payments queue.</summary>
    public string PaymentsQueue => _settings["Relief:Cases:Payments:QueueName"];

    /// <summary>The payment ledger table.</summary>
    public string LedgerTable => _settings["Relief:Payments:Storage:LedgerTableName"];

    /// <summary>The review table (schedules, reviews, work list).</summary>
    public string ReviewTable => _settings["Relief:Reviews:Storage:TableName"];

    /// <summary>The review due index.</summary>
    public string ReviewDueTable => _settings["Relief:Reviews:Storage:DueTableName"];

    /// <summary>An app setting the test run chose.</summary>
    public string Setting(string name) => _settings[name];

    /// <summary>A bank-exchange setting (<c>Relief:Payments:Bank:…</c>).</summary>
    public string Bank(string name) => _settings["Relief:Payments:Bank:" + name];

    /// <summary>The payroll batch queue.</summary>
    public string BatchQueue => _settings["Relief:Payments:Storage:BatchQueueName"];

    public string SupervisionQueue => _settings["Relief:Cases:Supervision:QueueName"];

    public string VerificationRequestQueue => _settings["Relief:Cases:Verification:RequestQueueName"];

    public string VerificationAnswerQueue => _settings["Relief:Cases:Verification:AnswerQueueName"];

    /// <summary>An agency feed's queue (<c>Deaths</c>, <c>Disability</c>, <c>Medical</c>, <c>Hukou</c>, <c>Custody</c>, <c>Jobs</c>).</summary>
    public string FeedQueue(string feed) => _settings["Relief:Feeds:" + feed + "QueueName"];

    /// <summary>An application of the rehearsal jurisdiction (Qingdao's figures, seconds for days).</summary>
    public static ApplicationRequest Rehearsal(ApplicationRequest application) => application with { Jurisdiction = "rehearsal/drill" };

    public static async Task<ReliefApp> StartAsync(IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var azurite = await AzuriteServer.Shared;
        string id = Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string>
        {
            ["Relief:Auth:DevelopmentKeyFile"] = TestTokens.KeyFile,
            ["Relief:Cases:Beneficiary:Key"] = Convert.ToBase64String("end-to-end-test-key-not-a-secret-0123456789"u8.ToArray()),
            ["Relief:Policies:Folder"] = PolicyFolder(),
            ["HeartbeatSchedule"] = "0 0 0 1 1 *",
            ["PayrollSchedule"] = "0 0 0 1 1 *",
            ["ReviewYearlySchedule"] = "0 0 0 1 1 *",
            ["ReviewHalfYearlySchedule"] = "0 0 0 1 1 *",
            ["Relief:Cases:Store:TableName"] = UniqueNames.Table("cases"),
            ["Relief:Cases:Payments:QueueName"] = UniqueNames.Queue("payments"),
            ["Relief:Cases:Supervision:QueueName"] = UniqueNames.Queue("supervision"),
            ["Relief:Cases:Verification:RequestQueueName"] = UniqueNames.Queue("ev-requests"),
            ["LeadEscalationSchedule"] = "0 0 0 1 1 *",
            ["Relief:Feeds:DeathsQueueName"] = UniqueNames.Queue("feed-deaths"),
            ["Relief:Feeds:DisabilityQueueName"] = UniqueNames.Queue("feed-disability"),
            ["Relief:Feeds:MedicalQueueName"] = UniqueNames.Queue("feed-medical"),
            ["Relief:Feeds:HukouQueueName"] = UniqueNames.Queue("feed-hukou"),
            ["Relief:Feeds:CustodyQueueName"] = UniqueNames.Queue("feed-custody"),
            ["Relief:Feeds:JobsQueueName"] = UniqueNames.Queue("feed-jobs"),
            ["Relief:Cases:Verification:AnswerQueueName"] = UniqueNames.Queue("ev-answers"),
            ["Relief:Calendars:ContainerName"] = UniqueNames.Container("calendars"),
            ["Relief:Payments:Storage:RegisterTableName"] = UniqueNames.Table("register"),
            ["Relief:Reviews:Storage:TableName"] = UniqueNames.Table("reviews"),
            ["Relief:Reviews:Storage:DueTableName"] = UniqueNames.Table("reviewdue"),
            ["Relief:Feeds:Storage:RecordsTableName"] = UniqueNames.Table("feedrecords"),
            ["Relief:Feeds:Storage:PeopleTableName"] = UniqueNames.Table("people"),
            ["Relief:Feeds:Storage:LeadsTableName"] = UniqueNames.Table("leads"),
            ["Relief:Feeds:Storage:VisitsTableName"] = UniqueNames.Table("visits"),
            ["Relief:Feeds:Storage:HandoversTableName"] = UniqueNames.Table("handovers"),
            ["Relief:Payments:Storage:LedgerTableName"] = UniqueNames.Table("ledger"),
            ["Relief:Payments:Storage:PayrollTableName"] = UniqueNames.Table("payrolls"),
            ["Relief:Payments:Storage:BatchQueueName"] = UniqueNames.Queue("batches"),
            ["Relief:Payments:Bank:StatusQueueName"] = UniqueNames.Queue("bank-status"),
            ["Relief:Payments:Bank:RejectionQueueName"] = UniqueNames.Queue("rejections"),
            ["Relief:Payments:Bank:OutboxContainerName"] = UniqueNames.Container("outbox"),
            ["Relief:Payments:Bank:InboxContainerName"] = UniqueNames.Container("inbox"),
            ["Relief:Payments:Bank:ManifestContainerName"] = UniqueNames.Container("manifests"),
            ["Relief:Payments:Bank:PayeeContainerName"] = UniqueNames.Container("payees"),
            ["Relief:Statistics:Storage:TableName"] = UniqueNames.Table("statistics"),
        };
        foreach (var (name, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[name] = value;
        }

        var environment = new Dictionary<string, string>
        {
            ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = "Hub" + id,
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__type"] = DurableProvider,
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval"] = "00:00:01",
            ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.500",
            // Messages a killed host had received stay invisible for this lease (renewed at half-time while a function
            // runs): 10 s here so that a kill -9 test sees them handled by the next host in seconds (default 10 minutes).
            ["AzureFunctionsJobHost__extensions__queues__messageLease"] = "00:00:10",
            // A crashed host's control-queue messages reappear after this, and its partitions move after the lease:
            // short here so that a kill -9 test resumes in seconds (the defaults are 5 minutes and 30 s).
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__controlQueueVisibilityTimeout"] = "00:00:15",
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__workItemQueueVisibilityTimeout"] = "00:00:15",
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__leaseInterval"] = "00:00:10",
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__leaseRenewInterval"] = "00:00:03",
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__leaseAcquireInterval"] = "00:00:03",
            ["AzureFunctionsWebHost__hostid"] = "relief" + id,
        };
        var host = await HostProcess.StartAsync(settings, environment, RepositoryPaths.ReliefApp, staticRoot: RepositoryPaths.Console);
        host.Client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(TestTokens.Office);
        var app = new ReliefApp(azurite.ConnectionString, settings, environment, host);
        var health = await app.Client.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        return app;
    }

    /// <summary>Starts a new host on the same storage, task hub and queues (after <see cref="HostProcess.Kill"/> or a stop).</summary>
    public async Task RestartAsync()
    {
        await Host.DisposeAsync();
        Host = await HostProcess.StartAsync(_settings, _environment, RepositoryPaths.ReliefApp, staticRoot: RepositoryPaths.Console);
        Host.Client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(TestTokens.Office);
    }

    /// <summary>Submits an application; asserts 202 and returns the case id.</summary>
    public async Task<string> SubmitAsync(ApplicationRequest application, string? idempotencyKey = null)
    {
        // One open case per household and program: each submission without a key is a household of its own unless the
        // test chose the applicant (a keyed submission is a retry and keeps its body).
        if (idempotencyKey is null) application = AnotherHousehold(application);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/applications") { Content = JsonContent.Create(application, options: Json) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"submit: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        string caseId = body.GetProperty("caseId").GetString()!;
        Assert.Equal("/api/applications/" + caseId, response.Headers.Location?.ToString());
        // A portal acts once the case's workflow runs (an action before that is answered 409 "not started yet").
        await WaitForStatusAsync(caseId, st => History(st).Any(), "the case's workflow to start");
        return caseId;
    }

    private static int _households = 100;

    /// <summary>The application with a fresh applicant ID in place of the builders' default one (other applicants unchanged).</summary>
    public static ApplicationRequest AnotherHousehold(ApplicationRequest application)
    {
        string shared = TestApplications.ApplicantId;
        if (application.Members?.FirstOrDefault()?.ResidentId != shared) return application;
        string fresh = Relief.Cases.Tests.Builders.TestIds.For(new DateOnly(1980, 5, 17), 100 + (Interlocked.Increment(ref _households) % 900));
        string json = JsonSerializer.Serialize(application, Json).Replace(shared, fresh, StringComparison.Ordinal);
        return JsonSerializer.Deserialize<ApplicationRequest>(json, Json)!;
    }

    /// <summary>
    /// Posts a case action: a decision or an extension as <see cref="TestTokens.Approver"/>, anything else as the office.
    /// Like a portal, it honours the API's "Not started yet" 409 (Retry-After): the provider records an instance as running
    /// only after its first episode's messages are sent, so the first activity's trace can be visible a moment before.
    /// </summary>
    public async Task<HttpResponseMessage> ActAsync(string caseId, string action, object body)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await PostActionAsync(caseId, action, body);
            if (response.StatusCode != HttpStatusCode.Conflict || DateTime.UtcNow > until) return response;
            string text = await response.Content.ReadAsStringAsync();
            if (!text.Contains("\"Not started yet\"", StringComparison.Ordinal))
            {
                return new HttpResponseMessage(response.StatusCode) { Content = new StringContent(text, System.Text.Encoding.UTF8, "application/problem+json"), RequestMessage = response.RequestMessage };
            }

            await Task.Delay(500);
        }
    }

    private async Task<HttpResponseMessage> PostActionAsync(string caseId, string action, object body)
    {
        if (action is not ("approve" or "reject" or "extend")) return await Client.PostAsJsonAsync($"api/applications/{caseId}/{action}", body, Json);
        using var approver = ClientAs(TestTokens.Approver);
        return await approver.PostAsJsonAsync($"api/applications/{caseId}/{action}", body, Json);
    }

    /// <summary>Posts a case action and asserts 202.</summary>
    public async Task<JsonElement> ActAcceptedAsync(string caseId, string action, object body)
    {
        var response = await ActAsync(caseId, action, body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n--- host output (tail) ---\n{Tail(Host.Output, 60)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> StatusAsync(string caseId)
    {
        var response = await Client.GetAsync($"api/applications/{caseId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls the status URL until <paramref name="condition"/> holds (a hang guard, not a timing assertion).</summary>
    public async Task<JsonElement> WaitForStatusAsync(string caseId, Func<JsonElement, bool> condition, string what, int seconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement status = default;
        while (DateTime.UtcNow < until)
        {
            try
            {
                status = await StatusAsync(caseId);
                if (condition(status)) return status;
            }
            catch (HttpRequestException)
            {
                // The host is restarting.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Timed out waiting for {what}. Last status: {status}\n--- host output (tail) ---\n{Tail(Host.Output, 60)}");
        return status;
    }

    /// <summary>Waits until the case is in <paramref name="step"/> and the audit trail shows the move.</summary>
    public Task<JsonElement> WaitForStepAsync(string caseId, string step) =>
        WaitForStatusAsync(caseId, s => s.GetProperty("step").GetString() == step
            && (step == "Submitted" || History(s).Any(h => h.GetProperty("kind").GetString() == "StepChanged" && h.GetProperty("summary").GetString()!.EndsWith("→ " + step + ".", StringComparison.Ordinal))), "step " + step);

    public static IEnumerable<JsonElement> History(JsonElement status) => status.GetProperty("history").EnumerateArray();

    public static IEnumerable<JsonElement> Deadlines(JsonElement status) => status.GetProperty("deadlines").EnumerateArray();

    /// <summary>Messages on a queue (peeked, decoded), waiting until <paramref name="condition"/> holds for them.</summary>
    public async Task<IReadOnlyList<T>> WaitForMessagesAsync<T>(string queueName, Func<IReadOnlyList<T>, bool> condition, int seconds = 90)
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

            await Task.Delay(200);
        }

        Assert.Fail($"Timed out waiting for messages on {queueName}; found {messages.Count}.\n--- host output (tail) ---\n{Tail(Host.Output, 60)}");
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
            var answer = new EconomicVerificationAnswerMessage(request.RequestId, caseId, request.Agency, DateTimeOffset.UtcNow,
                discrepancy ? "Records show more than declared." : "Records match the declaration.", discrepancy);
            await answers.SendMessageAsync(QueueMessageText.Encode(answer, base64: true));
        }

        return mine;
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    internal static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    /// <summary>The shipped policy files and the rehearsal jurisdiction, in a folder of their own (one per test run).</summary>
    private static string PolicyFolder() => LazyFolder.Value;

    private static readonly Lazy<string> LazyFolder = new(() =>
    {
        string folder = Directory.CreateTempSubdirectory("relief-policies-").FullName;
        foreach (var file in Directory.GetFiles(PolicyFileLoader.ShippedFolder, "*.json")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Policies", "rehearsal.json"), Path.Combine(folder, "rehearsal.json"));
        return folder;
    });
}
