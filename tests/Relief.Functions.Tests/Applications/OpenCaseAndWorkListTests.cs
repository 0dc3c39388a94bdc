using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relief.Cases.Tests.Builders;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Applications;

/// <summary>One open case per household and program; the work list's due-date filter, its order and its unknown parameters.</summary>
public sealed class OpenCaseAndWorkListTests
{
    [Fact]
    public async Task SecondApplication_SameHouseholdAndProgram_409NamingTheOpenCase_AcceptedOnceItEnded()
    {
        await using var app = await ReliefApp.StartAsync();
        string applicant = TestIds.For(new DateOnly(1980, 5, 17), 77);
        var application = TestApplications.QingdaoDibao();
        application = application with
        {
            Members = [application.Members![0] with { ResidentId = applicant }, .. application.Members.Skip(1)],
            Incomes = [application.Incomes![0] with { MemberResidentId = applicant }],
        };
        string first = await app.SubmitAsync(application);

        var second = await app.Client.PostAsJsonAsync("api/applications", application, ReliefApp.Json);
        var other = ReliefApp.AnotherHousehold(TestApplications.QingdaoDibao());
        var huge = await app.Client.PostAsJsonAsync("api/applications", other with { Incomes = [other.Incomes![0] with { MonthlyAmount = 50000000000000000000000000000m }] }, ReliefApp.Json);
        var emergency = await app.Client.PostAsJsonAsync("api/applications", application with { Program = "temporary-emergency", Temporary = TestApplications.QingdaoEmergency().Temporary! with { OccurredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)) } }, ReliefApp.Json);
        await app.ActAcceptedAsync(first, "withdraw", new { note = "The applicant moved away." });
        await app.WaitForStepAsync(first, "Withdrawn");
        var third = await app.Client.PostAsJsonAsync("api/applications", application, ReliefApp.Json);

        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode); // the bound, named, before any arithmetic
        Assert.True((await huge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("incomes[0].monthlyAmount", out _));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first, problem.GetProperty("openCaseId").GetString());
        Assert.Equal(HttpStatusCode.Accepted, emergency.StatusCode); // another program
        Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
        Assert.NotEqual(first, (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString());
    }

    [Fact]
    public async Task WorkList_DueBeforeFilters_EarliestDeadlineFirst_UnknownParameter400()
    {
        await using var app = await ReliefApp.StartAsync();
        var cases = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            string caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
            await app.ActAcceptedAsync(caseId, "accept", new { });
            await app.WaitForStepAsync(caseId, "Investigation");
            cases.Add(caseId);
        }

        var all = await app.Client.GetFromJsonAsync<JsonElement>("api/cases?jurisdiction=qingdao/shinan&step=Investigation");
        var due = all.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("nextDueAt").GetDateTimeOffset()).ToArray();
        Assert.Equal(3, due.Length);
        Assert.Equal(due.Order().ToArray(), due);
        string cut = Uri.EscapeDataString(due[1].ToString("O"));
        var before = await app.Client.GetFromJsonAsync<JsonElement>($"api/cases?jurisdiction=qingdao/shinan&step=Investigation&dueBefore={cut}");
        var unknown = await app.Client.GetAsync("api/cases?stepp=Investigation");
        var badDate = await app.Client.GetAsync("api/cases?dueBefore=next-week");

        Assert.Equal(due.Where(d => d < due[1]).Count(), before.GetProperty("cases").GetArrayLength());
        Assert.All(before.GetProperty("cases").EnumerateArray(), c => Assert.True(c.GetProperty("nextDueAt").GetDateTimeOffset() < due[1]));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("stepp", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
    }

    [Fact]
    public async Task Referral_IntoAProgramTheHouseholdHasOpen_409_ReferredOnceItEnded()
    {
        await using var app = await ReliefApp.StartAsync();
        string applicant = TestIds.For(new DateOnly(1980, 5, 17), 78);
        var dibao = TestApplications.QingdaoDibao();
        dibao = dibao with
        {
            Members = [dibao.Members![0] with { ResidentId = applicant }, .. dibao.Members.Skip(1)],
            Incomes = [dibao.Incomes![0] with { MemberResidentId = applicant }],
        };
        string open = await app.SubmitAsync(dibao);
        string emergency = await app.SubmitAsync(dibao with
        {
            Program = "temporary-emergency",
            Temporary = TestApplications.QingdaoEmergency().Temporary! with { OccurredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)) },
        });

        var refused = await app.Client.PostAsJsonAsync($"api/applications/{emergency}/referrals", new { program = "dibao", consentToEconomicVerification = true }, ReliefApp.Json);
        await app.ActAcceptedAsync(open, "withdraw", new { });
        await app.WaitForStepAsync(open, "Withdrawn");
        var referred = await app.Client.PostAsJsonAsync($"api/applications/{emergency}/referrals", new { program = "dibao", consentToEconomicVerification = true }, ReliefApp.Json);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(open, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("openCaseId").GetString());
        Assert.Equal(HttpStatusCode.Accepted, referred.StatusCode);
    }
}
