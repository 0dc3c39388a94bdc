using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Relief.Cases.Intake;
using Relief.Domain.Calendar;
using Relief.Domain.Policies.Loading;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Applications;

/// <summary>End to end through HTTP: intake (Idempotency-Key, one-time notice of every error), 404/409, work list, documents.</summary>
public sealed class IntakeTests
{
    [Fact]
    public async Task SubmitApplication_SameIdempotencyKeyTwice_OneCase()
    {
        await using var app = await ReliefApp.StartAsync();

        var first = await app.SubmitAsync(ReliefApp.AnotherHousehold(TestApplications.QingdaoDibao()), "key-" + Guid.NewGuid());
        var key = "key-" + Guid.NewGuid();
        var a = await app.SubmitAsync(TestApplications.QingdaoDibao(), key);
        var b = await app.SubmitAsync(TestApplications.QingdaoDibao(), key);

        Assert.Equal(a, b);
        Assert.NotEqual(first, a);
        var list = await app.Client.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=500");
        var ids = list.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()).ToArray();
        Assert.Equal(2, ids.Length);
        Assert.Single(ids, id => id == a);
    }

    [Fact]
    public async Task SubmitApplication_SameKeyOtherBody_Returns422AndNoSecondCase()
    {
        await using var app = await ReliefApp.StartAsync();
        var key = "key-" + Guid.NewGuid();
        await app.SubmitAsync(TestApplications.QingdaoDibao(), key);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(TestApplications.QingdaoEmergency(), options: ReliefApp.Json) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var list = await app.Client.GetFromJsonAsync<JsonElement>("/api/cases");
        Assert.Single(list.GetProperty("cases").EnumerateArray());
    }

    [Fact]
    public async Task SubmitApplication_ManyBadFields_Returns400ListingEveryFieldPath()
    {
        await using var app = await ReliefApp.StartAsync();
        var bad = TestApplications.QingdaoDibao() with
        {
            Program = "lottery",
            Registration = "martian",
            Members =
            [
                new MemberRequest { ResidentId = TestIds.WithWrongCheck(new DateOnly(1980, 5, 17), 1), Relationship = "applicant" },
                new MemberRequest { ResidentId = TestApplications.SpouseId, Relationship = "neighbour" },
            ],
            Incomes = [new IncomeRequest { Kind = "wages", MonthlyAmount = -5m }],
            Contact = new ContactRequest { Phone = "12" },
        };

        var response = await app.Client.PostAsJsonAsync("/api/applications", bad, ReliefApp.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        var catalog = await PolicyFileLoader.LoadShippedAsync(CancellationToken.None);
        var expected = ApplicationValidator.Validate(bad, ChinaStandardTime.DateOf(DateTimeOffset.UtcNow), catalog).Errors.Select(e => e.Field).ToHashSet();
        Assert.True(expected.Count >= 5, string.Join(", ", expected));
        Assert.Equal(expected, fields);
        Assert.Contains("program", fields);
        Assert.Contains("members[0].residentId", fields);
        Assert.Contains("members[1].relationship", fields);
        Assert.Contains("contact.phone", fields);
        var list = await app.Client.GetFromJsonAsync<JsonElement>("/api/cases");
        Assert.Empty(list.GetProperty("cases").EnumerateArray());
    }

    [Fact]
    public async Task Approve_CaseStillSubmitted_Returns409NamingTheStep()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());

        var response = await app.ActAsync(caseId, "approve", new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Submitted", body.GetProperty("step").GetString());
        Assert.Contains("'Submitted'", body.GetProperty("detail").GetString());
        Assert.Equal("Submitted", (await app.StatusAsync(caseId)).GetProperty("step").GetString());
    }

    [Fact]
    public async Task CaseActions_BadBodyOrUnknownCase_Return400Or404()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());

        var withActor = await app.ActAsync(caseId, "accept", new { actor = "intern:9999", note = "x" });
        var control = await app.ActAsync(caseId, "accept", new { note = "ok\u0007bell" });
        var bidi = await app.ActAsync(caseId, "accept", new { note = "paid \u202Eevil" });
        var oneInvestigator = await app.ActAsync(caseId, "investigation", new { investigators = new[] { "investigator:0042" } });
        var noReasons = await app.ActAsync(caseId, "reject", new { });
        var unknown = await app.ActAsync("no-such-case", "accept", new { });
        var unknownStatus = await app.Client.GetAsync("/api/applications/no-such-case");

        Assert.Equal(HttpStatusCode.BadRequest, withActor.StatusCode);
        Assert.Contains("sign-in token", (await withActor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("actor")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Contains("U+0007", (await control.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("note")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bidi.StatusCode);
        Assert.Contains("U+202E", (await bidi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("note")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, oneInvestigator.StatusCode);
        Assert.True((await oneInvestigator.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("investigators", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noReasons.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus.StatusCode);
    }

    [Fact]
    public async Task ReturnApplication_OneDocumentUploaded_ListsEveryOtherMissingMaterialThenResubmitAndAccept()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(ReliefApp.Rehearsal(TestApplications.QingdaoDibao()));
        byte[] pdf = [.. "%PDF-1.4\n"u8, .. RandomNumberGenerator.GetBytes(64)];
        using var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");

        var upload = await app.Client.PostAsync($"/api/applications/{caseId}/documents?kind=HukouBooklet", content);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var stored = await upload.Content.ReadFromJsonAsync<JsonElement>();
        var download = await app.Client.GetAsync(upload.Headers.Location);
        var listed = await app.Client.GetFromJsonAsync<JsonElement>($"/api/applications/{caseId}/documents");
        var returned = await app.ActAcceptedAsync(caseId, "return", new { });

        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), stored.GetProperty("sha256").GetString());
        Assert.Equal(stored.GetProperty("sha256").GetString(), download.Headers.GetValues("X-Content-SHA256").Single());
        Assert.Single(listed.EnumerateArray());
        var missing = returned.GetProperty("missingMaterials").EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.DoesNotContain(missing, m => m.Contains("户口簿", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.Contains("核对授权书", StringComparison.Ordinal));
        Assert.Equal(3, missing.Count(m => m.Contains("身份证复印件", StringComparison.Ordinal)));
        Assert.Contains(missing, m => m.StartsWith("members[1]", StringComparison.Ordinal) && m.Contains("残疾证", StringComparison.Ordinal));

        var awaiting = await app.WaitForStepAsync(caseId, "AwaitingMaterials");
        Assert.Contains(ReliefApp.History(awaiting), h => h.GetProperty("summary").GetString()!.Contains("核对授权书", StringComparison.Ordinal));
        await app.ActAcceptedAsync(caseId, "resubmit", new { });
        await app.WaitForStepAsync(caseId, "Submitted");
        await app.ActAcceptedAsync(caseId, "accept", new { });
        await app.WaitForStepAsync(caseId, "Investigation");
    }

    [Fact]
    public async Task UploadDocument_NotAnAcceptedType_Returns415()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        using var content = new StringContent("hello");

        var response = await app.Client.PostAsync($"/api/applications/{caseId}/documents", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task ListCases_StepAndJurisdictionFilters_PagedWorkList()
    {
        await using var app = await ReliefApp.StartAsync();
        var a = await app.SubmitAsync(TestApplications.QingdaoDibao());
        var b = await app.SubmitAsync(ReliefApp.Rehearsal(TestApplications.QingdaoDibao()));
        var c = await app.SubmitAsync(TestApplications.TaishangTekun());
        await app.ActAcceptedAsync(b, "accept", new { });
        await app.WaitForStepAsync(b, "Investigation");

        var submitted = await app.Client.GetFromJsonAsync<JsonElement>("/api/cases?step=Submitted&jurisdiction=qingdao");
        var all = new List<string>();
        string? token = null;
        do
        {
            var page = await app.Client.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=1" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            all.AddRange(page.GetProperty("cases").EnumerateArray().Select(x => x.GetProperty("caseId").GetString()!));
            token = page.GetProperty("continuationToken").ValueKind == JsonValueKind.String ? page.GetProperty("continuationToken").GetString() : null;
        }
        while (token is not null);
        var notOverdue = await app.Client.GetFromJsonAsync<JsonElement>("/api/cases?overdue=false&step=Submitted");
        var badStep = await app.Client.GetAsync("/api/cases?step=Nowhere");

        Assert.Equal([a], submitted.GetProperty("cases").EnumerateArray().Select(x => x.GetProperty("caseId").GetString()));
        Assert.Equal(new[] { a, b, c }.Order(), all.Order());
        Assert.Equal(new[] { a, c }.Order(), notOverdue.GetProperty("cases").EnumerateArray().Select(x => x.GetProperty("caseId").GetString()).Order());
        Assert.Equal(HttpStatusCode.BadRequest, badStep.StatusCode);

        // b's investigation-start limit (3 rehearsal days = 6 s) passes: it alone becomes overdue (a hang guard, not a timing assertion).
        JsonElement overdue = default;
        for (int i = 0; i < 300; i++)
        {
            overdue = await app.Client.GetFromJsonAsync<JsonElement>("/api/cases?overdue=true");
            if (overdue.GetProperty("cases").GetArrayLength() > 0) break;
            await Task.Delay(200);
        }

        Assert.Equal([b], overdue.GetProperty("cases").EnumerateArray().Select(x => x.GetProperty("caseId").GetString()));
    }
}
