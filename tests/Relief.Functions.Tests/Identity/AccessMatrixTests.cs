using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Relief.Functions.Tests.Builders;
using Relief.Identity;
using static Relief.Identity.ReliefRoles;

namespace Relief.Functions.Tests.Identity;

/// <summary>
/// The role × action table of issue 14, through the local host: every HTTP action, every role in its scope and out of
/// it, and without a token. The expected table is written here, apart from the product's <c>AccessTable</c>: allowed →
/// the function runs (no 401/403; 2xx, or the business answer of the case's step or an unknown id), not allowed → 403,
/// no token → 401. In scope: Shinan staff, the applicant who submitted the case, the Medical department (a transfer of
/// the case is addressed to it). Out of scope: Laoshan staff, another applicant, the Housing department.
/// </summary>
public sealed class AccessMatrixTests
{
    private const string Shinan = "qingdao/shinan";
    private const string Laoshan = "qingdao/laoshan";

    private sealed record Row(string Name, HttpMethod Method, string Url, Func<HttpContent?> Body, string[] Allowed, bool Scoped = true, string[]? ScopedRoles = null);

    [Fact]
    public async Task EveryAction_EveryRole_InAndOutOfScope_AndWithoutToken()
    {
        await using var app = await ReliefApp.StartAsync();
        using var owner = app.ClientAs(new TokenRequest("c-1", [Applicant]));
        string caseId = await SubmitAsync(owner);
        var transfer = await app.Client.PostAsJsonAsync($"api/applications/{caseId}/transfers", new { department = "Medical", subject = "medical assistance", workingDays = 60 }, ReliefApp.Json);
        Assert.Equal(HttpStatusCode.Accepted, transfer.StatusCode);
        string transferId = (await transfer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("transferId").GetString()!;
        await app.WaitForStatusAsync(caseId, s => s.GetProperty("transfers").GetArrayLength() == 1, "transfer recorded");
        using var upload = Pdf();
        var uploaded = await owner.PostAsync($"api/applications/{caseId}/documents?kind=HukouBooklet", upload);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        string documentId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetString()!;
        string month = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        string[] everyone = [.. ReliefRoles.All];
        Row[] rows =
        [
            new("preview", HttpMethod.Post, "api/assessments", () => Json(new { household = TestApplications.QingdaoDibao(), programs = new[] { "dibao" } }), everyone, Scoped: false),
            new("submit", HttpMethod.Post, "api/applications", () => Json(TestApplications.QingdaoDibao()), [Applicant, Caseworker], ScopedRoles: [Caseworker]),
            new("status", HttpMethod.Get, $"api/applications/{caseId}", None, [Applicant, Caseworker, Investigator, Approver, DepartmentOfficer, Supervisor, Auditor]),
            new("household file", HttpMethod.Get, $"api/applications/{caseId}/household", None, [Applicant, Caseworker, Investigator, Approver, DepartmentOfficer, Supervisor, Auditor]),
            new("work list", HttpMethod.Get, $"api/cases?jurisdiction={Shinan}", None, [Caseworker, Investigator, Approver, Supervisor, Auditor]),
            new("accept", HttpMethod.Post, $"api/applications/{caseId}/accept", Empty, [Caseworker]),
            new("return", HttpMethod.Post, $"api/applications/{caseId}/return", Empty, [Caseworker]),
            new("resubmit", HttpMethod.Post, $"api/applications/{caseId}/resubmit", Empty, [Applicant, Caseworker]),
            new("investigation", HttpMethod.Post, $"api/applications/{caseId}/investigation", () => Json(new { investigators = new[] { "9001" } }), [Investigator]),
            new("community review", HttpMethod.Post, $"api/applications/{caseId}/community-review", Empty, [Caseworker]),
            new("objection", HttpMethod.Post, $"api/applications/{caseId}/objections", () => Json(new { note = "objection" }), [Applicant, Caseworker]),
            new("approve", HttpMethod.Post, $"api/applications/{caseId}/approve", Empty, [Approver]),
            new("reject", HttpMethod.Post, $"api/applications/{caseId}/reject", () => Json(new { reasons = new[] { "income above the standard" } }), [Approver]),
            new("extend", HttpMethod.Post, $"api/applications/{caseId}/extend", () => Json(new { reasons = new[] { "complex household" } }), [Approver]),
            new("refer", HttpMethod.Post, $"api/applications/{caseId}/referrals", () => Json(new { program = "dibao", consentToEconomicVerification = true }), [Caseworker]),
            new("transfer", HttpMethod.Post, $"api/applications/{caseId}/transfers", () => Json(new { department = "Housing", subject = "housing" }), [Caseworker]),
            new("department reply", HttpMethod.Post, $"api/applications/{caseId}/transfers/{transferId}/reply", () => Json(new { note = "granted" }), [DepartmentOfficer]),
            new("upload", HttpMethod.Post, $"api/applications/{caseId}/documents?kind=HukouBooklet", Pdf, [Applicant, Caseworker, Investigator]),
            new("documents", HttpMethod.Get, $"api/applications/{caseId}/documents", None, [Applicant, Caseworker, Investigator, Approver, Auditor]),
            new("download", HttpMethod.Get, $"api/applications/{caseId}/documents/{documentId}", None, [Applicant, Caseworker, Investigator, Approver]),
            new("payee", HttpMethod.Put, $"api/applications/{caseId}/payee", () => Json(new { accountHolder = "x", accountNumber = "1", bankCode = "x", payments = Array.Empty<object>() }), [Caseworker]),
            new("withdraw", HttpMethod.Post, $"api/applications/{caseId}/withdraw", Empty, [Applicant, Caseworker]),
            new("start payroll", HttpMethod.Post, $"api/payrolls/2099-01", Empty, [Administrator], Scoped: false),
            new("payroll", HttpMethod.Get, $"api/payrolls/{month}", None, [Supervisor, Auditor, Administrator], Scoped: false),
            new("reconciliation", HttpMethod.Get, $"api/payrolls/{month}/reconciliation", None, [Supervisor, Auditor, Administrator], Scoped: false),
            new("start sweep", HttpMethod.Post, "api/reviews/sweeps/yearly/2099-01", Empty, [Administrator], Scoped: false),
            new("sweep", HttpMethod.Get, "api/reviews/sweeps/yearly/2099-01", None, [Administrator, Supervisor], Scoped: false),
            new("reviews", HttpMethod.Get, $"api/reviews?jurisdiction={Shinan}", None, [Caseworker, Supervisor, Auditor]),
            new("review", HttpMethod.Get, "api/reviews/rv_hh-0_dibao_2030-01", None, [Caseworker, Investigator, Supervisor, Auditor], Scoped: false),
            new("findings", HttpMethod.Post, "api/reviews/rv_hh-0_dibao_2030-01/findings", () => Json(new { note = "x" }), [Caseworker, Investigator], Scoped: false),
            new("household", HttpMethod.Get, "api/households/hh-0", None, [Caseworker, Supervisor, Auditor], Scoped: false),
            new("household change", HttpMethod.Post, "api/households/hh-0/changes", () => Json(new { kind = "income", occurredOn = "2026-01-01", note = "x" }), [Caseworker], Scoped: false),
            new("calendar", HttpMethod.Put, "api/calendars/2099", () => Json(new { year = 2099 }), [Administrator], Scoped: false),
            new("ping", HttpMethod.Post, "api/ping", () => Json(new { text = "hello" }), [Administrator], Scoped: false),
        ];

        var failures = new List<string>();
        foreach (var row in rows)
        {
            using var anonymous = app.ClientWith(null);
            var none = await SendAsync(anonymous, row);
            if (none != HttpStatusCode.Unauthorized) failures.Add($"{row.Name} without a token: {(int)none}, expected 401");
            foreach (string role in ReliefRoles.All)
            {
                bool allowed = row.Allowed.Contains(role);
                using var inside = app.ClientAs(InScope(role));
                var status = await SendAsync(inside, row);
                if (allowed && (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)status >= 500)) failures.Add($"{row.Name} as {role} in scope: {(int)status}, expected to run");
                if (!allowed && status != HttpStatusCode.Forbidden) failures.Add($"{row.Name} as {role}: {(int)status}, expected 403");
                if (allowed && row.Scoped && (row.ScopedRoles ?? row.Allowed).Contains(role))
                {
                    using var outside = app.ClientAs(OutOfScope(role));
                    var refused = await SendAsync(outside, row);
                    if (refused != HttpStatusCode.Forbidden) failures.Add($"{row.Name} as {role} out of scope: {(int)refused}, expected 403");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task DocumentDownload_OutOfScopeCaseworker_403AndTheAttemptIsInTheAuditTrail_OwnDownloadAuditedToo()
    {
        await using var app = await ReliefApp.StartAsync();
        using var owner = app.ClientAs(new TokenRequest("c-1", [Applicant]));
        string caseId = await SubmitAsync(owner);
        using var upload = Pdf();
        var uploaded = await owner.PostAsync($"api/applications/{caseId}/documents?kind=HukouBooklet", upload);
        string location = uploaded.Headers.Location!.ToString();

        using var laoshan = app.ClientAs(new TokenRequest("0077", [Caseworker], [Laoshan]));
        using var shinan = app.ClientAs(new TokenRequest("0042", [Caseworker], [Shinan]));
        var refused = await laoshan.GetAsync(location);
        var served = await shinan.GetAsync(location);
        var status = await owner.GetFromJsonAsync<JsonElement>($"api/applications/{caseId}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var access = ReliefApp.History(status).Where(h => h.GetProperty("kind").GetString() == "Access").ToArray();
        Assert.Contains(access, h => h.GetProperty("actor").GetString() == "caseworker:0077" && h.GetProperty("summary").GetString()!.Contains("refused", StringComparison.Ordinal));
        Assert.Contains(access, h => h.GetProperty("actor").GetString() == "caseworker:0042" && h.GetProperty("summary").GetString()!.Contains("downloaded", StringComparison.Ordinal));
        Assert.Equal(2, access.Length);
    }

    [Fact]
    public async Task HouseholdFile_IdNumbersInClearForTheCaseworker_MaskedForTheApproverAndAuditor_EveryReadAudited()
    {
        await using var app = await ReliefApp.StartAsync();
        using var owner = app.ClientAs(new TokenRequest("c-1", [Applicant]));
        string caseId = await SubmitAsync(owner);
        string applicantId = TestApplications.ApplicantId;
        using var caseworker = app.ClientAs(new TokenRequest("0042", [Caseworker], [Shinan]));
        using var approver = app.ClientAs(new TokenRequest("0101", [Approver], [Shinan]));
        using var auditor = app.ClientAs(new TokenRequest("a-9", [Auditor], ["qingdao"]));

        string clear = await caseworker.GetStringAsync($"api/applications/{caseId}/household");
        string masked = await approver.GetStringAsync($"api/applications/{caseId}/household");
        string audited = await auditor.GetStringAsync($"api/applications/{caseId}/household");
        var status = await owner.GetFromJsonAsync<JsonElement>($"api/applications/{caseId}");

        Assert.Contains(applicantId, clear, StringComparison.Ordinal);
        Assert.DoesNotContain(applicantId, masked, StringComparison.Ordinal);
        Assert.Contains(applicantId[..6] + "********" + applicantId[^4..], masked, StringComparison.Ordinal);
        Assert.DoesNotContain(applicantId, audited, StringComparison.Ordinal);
        var reads = ReliefApp.History(status).Where(h => h.GetProperty("kind").GetString() == "Access").Select(h => h.GetProperty("actor").GetString()).Order().ToArray();
        Assert.Equal(new[] { "approver:0101", "auditor:a-9", "caseworker:0042" }, reads);
    }

    [Fact]
    public async Task ExpiredOrForeignToken_401_SubjectNotAnId_403()
    {
        await using var app = await ReliefApp.StartAsync();
        var foreignKey = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        string foreign = DevelopmentTokens.Issue(foreignKey, TestTokens.Office, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        string expired = DevelopmentTokens.Issue(DevelopmentSigningKey.LoadOrCreate(TestTokens.KeyFile), TestTokens.Office, DateTimeOffset.UtcNow.AddHours(-3), TimeSpan.FromHours(1));
        using var foreignClient = app.ClientWith(new AuthenticationHeaderValue("Bearer", foreign));
        using var expiredClient = app.ClientWith(new AuthenticationHeaderValue("Bearer", expired));
        using var named = app.ClientAs(new TokenRequest("张三 13800000000", [Caseworker], [Shinan]));

        var a = await foreignClient.GetAsync("api/cases");
        var b = await expiredClient.GetAsync("api/cases");
        var c = await named.GetAsync("api/cases");
        var health = await app.ClientWith(null).GetAsync("api/health");
        var openApi = await app.ClientWith(null).GetAsync("api/openapi.json");

        Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode);
        Assert.Equal("Bearer", a.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, b.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, c.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.DoesNotContain("13800000000", app.Host.Output, StringComparison.Ordinal);
    }

    internal static async Task<string> SubmitAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("api/applications", TestApplications.QingdaoDibao(), ReliefApp.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
    }

    private static TokenRequest InScope(string role) => role switch
    {
        Applicant => new TokenRequest("c-1", [Applicant]),
        DepartmentOfficer => new TokenRequest("m-07", [DepartmentOfficer], Department: "Medical"),
        _ => new TokenRequest("s-" + role, [role], [Shinan]),
    };

    private static TokenRequest OutOfScope(string role) => role switch
    {
        Applicant => new TokenRequest("c-2", [Applicant]),
        DepartmentOfficer => new TokenRequest("h-03", [DepartmentOfficer], Department: "Housing"),
        _ => new TokenRequest("l-" + role, [role], [Laoshan]),
    };

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, Row row)
    {
        using var request = new HttpRequestMessage(row.Method, row.Url) { Content = row.Body() };
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static HttpContent? None() => null;

    private static HttpContent Empty() => JsonContent.Create(new { }, options: ReliefApp.Json);

    private static HttpContent Json(object body) => JsonContent.Create(body, body.GetType(), options: ReliefApp.Json);

    private static ByteArrayContent Pdf()
    {
        var content = new ByteArrayContent([.. "%PDF-1.4\n"u8, .. System.Security.Cryptography.RandomNumberGenerator.GetBytes(64)]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }
}
