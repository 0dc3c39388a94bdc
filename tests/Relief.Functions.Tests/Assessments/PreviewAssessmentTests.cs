using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Relief.Cases.Intake;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Assessments;

/// <summary>
/// <c>POST /api/assessments</c> end to end through the local host (issue 16 § 3): the self-check (我能申请吗) answers
/// eligibility, amount and the rules applied for a dibao, a tekun and an emergency case, writes nothing, and is
/// limited per client.
/// </summary>
public sealed class PreviewAssessmentTests
{
    private static readonly DateOnly Date = new(2026, 3, 2);

    [Fact]
    public async Task Dibao_Tekun_Emergency_EachAssessedWithItsRules_NothingWritten()
    {
        await using var app = await ReliefApp.StartAsync();
        // No contact and no consent: a self-check files nothing.
        var dibao = TestApplications.QingdaoDibao() with { Contact = null, ConsentToEconomicVerification = null };
        var tekun = TestApplications.TaishangTekun() with { Contact = null, ConsentToEconomicVerification = null };
        var emergency = TestApplications.QingdaoEmergency() with { Contact = null };

        var dibaoAnswer = await PreviewAsync(app, dibao, Date, ["dibao"]);
        var tekunAnswer = await PreviewAsync(app, tekun, Date, ["tekun"]);
        var emergencyAnswer = await PreviewAsync(app, emergency, Date, ["temporary-emergency"]);

        var d = Single(dibaoAnswer);
        Assert.Equal("eligible", d.GetProperty("outcome").GetString());
        Assert.Equal("monthly", d.GetProperty("amountKind").GetString());
        Assert.True(d.GetProperty("amount").GetDecimal() > 0m);
        Assert.NotEmpty(d.GetProperty("explanation").EnumerateArray());
        Assert.Equal("qingdao/shinan", dibaoAnswer.GetProperty("jurisdiction").GetString());
        Assert.Equal("2026-03-02", dibaoAnswer.GetProperty("date").GetString());

        var t = Single(tekunAnswer);
        Assert.Equal("eligible", t.GetProperty("outcome").GetString());
        Assert.True(t.GetProperty("amount").GetDecimal() > 0m);
        Assert.NotEmpty(t.GetProperty("explanation").EnumerateArray());

        var e = Single(emergencyAnswer);
        Assert.Equal("eligible", e.GetProperty("outcome").GetString());
        Assert.Equal("oneOff", e.GetProperty("amountKind").GetString());
        Assert.InRange(e.GetProperty("amount").GetDecimal(), 0.01m, 800m);

        // Nothing written: no case listed, no case row, no orchestration instance.
        var list = await app.Client.GetFromJsonAsync<JsonElement>("/api/cases");
        Assert.Empty(list.GetProperty("cases").EnumerateArray());
        Assert.Equal(0, await RowsAsync(app.ConnectionString, app.CaseTable));
        Assert.Equal(0, await RowsAsync(app.ConnectionString, app.InstancesTable));
    }

    [Fact]
    public async Task ProgramTheJurisdictionDoesNotConfigure_NotConfiguredOutcome_OtherProgramsStillAssessed()
    {
        await using var app = await ReliefApp.StartAsync();
        // Qingdao's policy file sets no tekun amounts: eligibility is still decided on the national criteria, and the
        // preview says the amount is not configured instead of failing. A 75-year-old living alone, no income.
        var household = TestApplications.QingdaoDibao() with
        {
            Contact = null,
            Tekun = new TekunRequest { Placement = "dispersed" },
            Members = [new MemberRequest { ResidentId = TestIds.For(new DateOnly(1951, 2, 3), 5, "370202"), Relationship = "applicant", WorkAbility = "unable", DailyActivities = DailyActivitiesRequest.Of(true, true, true, true, true, true) }],
            Incomes = [],
        };

        var answer = await PreviewAsync(app, household, Date, ["dibao", "tekun"]);

        var assessments = answer.GetProperty("assessments").EnumerateArray().ToArray();
        Assert.Equal(["dibao", "tekun"], assessments.Select(a => a.GetProperty("program").GetString()));
        Assert.Equal("eligible", assessments[0].GetProperty("outcome").GetString());
        Assert.Equal("notConfigured", assessments[1].GetProperty("outcome").GetString());
        Assert.Equal("eligible", assessments[1].GetProperty("eligibility").GetString());
        Assert.Contains("not configured for qingdao", assessments[1].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0m, assessments[1].GetProperty("amount").GetDecimal());
        Assert.NotEmpty(assessments[1].GetProperty("reasons").EnumerateArray());
    }

    [Fact]
    public async Task BadDateAndNoProgram_400NamingEachField()
    {
        await using var app = await ReliefApp.StartAsync();
        var body = Body(TestApplications.QingdaoDibao() with { Program = null }, new DateOnly(1990, 1, 1), null);

        using var response = await app.Client.PostAsJsonAsync("/api/assessments", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(new HashSet<string> { "date", "programs" }, fields);
    }

    [Fact]
    public async Task OneClient_PastThePermitsOfAMinute_429WithRetryAfter_AnotherClientStillServed()
    {
        await using var app = await ReliefApp.StartAsync();
        var body = Body(TestApplications.QingdaoDibao() with { Contact = null }, Date, ["dibao"]);
        const int permits = 30; // Relief:Assessments:PermitsPerMinute's default

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= permits; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/assessments") { Content = JsonContent.Create(body) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}"); // a caller's own header does not make it another client
            using var response = await app.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (i == permits) Assert.Equal("60", response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // Another client: connects from another loopback address.
        using var otherClient = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, token) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, token);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        })
        { BaseAddress = app.Client.BaseAddress };
        otherClient.DefaultRequestHeaders.Authorization = TestTokens.Bearer(TestTokens.Person("c-77", Relief.Identity.ReliefRoles.Applicant));
        using var otherResponse = await otherClient.PostAsJsonAsync("/api/assessments", body);

        Assert.Equal(permits, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.True(HttpStatusCode.OK == otherResponse.StatusCode, await otherResponse.Content.ReadAsStringAsync());
    }

    private static JsonObject Body(ApplicationRequest application, DateOnly? date, string[]? programs)
    {
        var body = JsonSerializer.SerializeToNode(application, ReliefApp.Json)!.AsObject();
        if (date is { } d) body["date"] = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (programs is not null) body["programs"] = new JsonArray([.. programs.Select(p => (JsonNode)JsonValue.Create(p)!)]);
        return body;
    }

    private static async Task<JsonElement> PreviewAsync(ReliefApp app, ApplicationRequest application, DateOnly date, string[] programs)
    {
        using var response = await app.Client.PostAsJsonAsync("/api/assessments", Body(application, date, programs));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"preview: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonElement Single(JsonElement answer) => Assert.Single(answer.GetProperty("assessments").EnumerateArray());

    private static async Task<int> RowsAsync(string connection, string table)
    {
        try
        {
            var count = 0;
            await foreach (var _ in new TableClient(connection, table).QueryAsync<TableEntity>(select: ["PartitionKey"])) count++;
            return count;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }
}
