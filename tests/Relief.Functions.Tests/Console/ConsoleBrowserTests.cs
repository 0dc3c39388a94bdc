using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Relief.Functions.Tests.Builders;
using Relief.Identity;

namespace Relief.Functions.Tests.Console;

/// <summary>
/// The caseworker console (<c>console/</c>, served by the local host at <c>/</c>) in a real browser against the built
/// app on Azurite: sign-in with the app's tokens, the work list, a case's actions by role, the statistics chart.
/// </summary>
public sealed class ConsoleBrowserTests
{
    private static readonly TokenRequest Caseworker = TestTokens.Person("0042", ReliefRoles.Caseworker, "rehearsal");
    private static readonly TokenRequest Approver = TestTokens.Person("0101", ReliefRoles.Approver, "rehearsal");
    private static readonly TokenRequest Supervisor = TestTokens.Person("0300", ReliefRoles.Supervisor, "rehearsal");

    // Issue 15 acceptance: a caseworker signs in, finds a due case and accepts it; an approver approves; a caseworker
    // cannot see the approve button; the statistics chart shows the numbers the API gives.
    [Fact]
    public async Task Console_CaseworkerAccepts_ApproverApproves_CaseworkerHasNoApproveButton_ChartShowsTheApiFigures()
    {
        await using var app = await ReliefApp.StartAsync();
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var caseId = await app.SubmitAsync(ReliefApp.Rehearsal(TestApplications.QingdaoDibao()));

        // The caseworker finds the case on this week's work list and accepts it.
        var caseworker = await browser.OpenAsync(app.Client.BaseAddress!);
        await ConsoleBrowser.SignInAsync(caseworker, TestTokens.Issue(Caseworker));
        await caseworker.GotoAsync("/#/cases?step=Submitted");
        var row = caseworker.Locator("#work-list tbody tr", new() { HasText = caseId });
        await row.WaitForAsync();
        await Assertions.Expect(row).ToContainTextAsync("待受理");
        await ConsoleBrowser.ScreenshotAsync(caseworker, "01-work-list");
        await row.GetByRole(AriaRole.Link, new() { Name = caseId }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("#case-step")).ToHaveTextAsync("待受理");
        await Assertions.Expect(caseworker.GetByRole(AriaRole.Button, new() { Name = "批准" })).ToHaveCountAsync(0);
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync();
        await app.WaitForStepAsync(caseId, "Investigation");
        await Assertions.Expect(caseworker.Locator("#case-step")).ToHaveTextAsync("调查核实");

        // Investigation and verification through the API; the notice runs; the case reaches the approver.
        await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", new { investigators = new[] { "investigator:1", "investigator:2" } });
        await app.WaitForStatusAsync(caseId, s => s.GetProperty("step").GetString() == "AwaitingDecision", "the end of the public notice");

        // The caseworker sees the case awaiting the decision but is offered no approve button.
        await caseworker.ReloadAsync(); // the page still shows the case as it was when accepted
        await Assertions.Expect(caseworker.Locator("#case-step")).ToHaveTextAsync("待审批");
        await Assertions.Expect(caseworker.GetByRole(AriaRole.Button, new() { Name = "批准" })).ToHaveCountAsync(0);
        await Assertions.Expect(caseworker.Locator("#explanation")).ToBeVisibleAsync();
        await ConsoleBrowser.ScreenshotAsync(caseworker, "02-case-caseworker");

        // The approver approves.
        var approver = await browser.OpenAsync(app.Client.BaseAddress!);
        await ConsoleBrowser.SignInAsync(approver, TestTokens.Issue(Approver));
        await approver.GotoAsync("/#/case/" + caseId);
        await Assertions.Expect(approver.Locator("#case-step")).ToHaveTextAsync("待审批");
        await approver.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
        var approved = await app.WaitForStepAsync(caseId, "Approved");
        await Assertions.Expect(approver.Locator("#case-step")).ToHaveTextAsync("已批准");
        await ConsoleBrowser.ScreenshotAsync(approver, "03-case-approved");

        // The statistics chart shows what the API gives for this month (applications, then approvals).
        var supervisor = await browser.OpenAsync(app.Client.BaseAddress!, 1024, 768);
        await ConsoleBrowser.SignInAsync(supervisor, TestTokens.Issue(Supervisor));
        string month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using var api = app.ClientAs(Supervisor);
        foreach (var metric in new[] { "applications", "approvals" })
        {
            var figures = await api.GetFromJsonAsync<JsonElement>($"api/statistics?month={month}");
            long expected = figures.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("month").GetString() == month).Sum(r => r.GetProperty(metric).GetInt64());
            Assert.Equal(1, expected);
            await supervisor.GotoAsync($"/#/statistics?from={month}&to={month}&metric={metric}");
            var bar = supervisor.Locator($"#statistics-chart rect[data-month='{month}']");
            await Assertions.Expect(bar).ToHaveAttributeAsync("data-value", expected.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(supervisor.Locator($"#statistics-chart text.bar-value[data-month='{month}']")).ToHaveTextAsync(expected.ToString(CultureInfo.InvariantCulture));
        }

        await ConsoleBrowser.ScreenshotAsync(supervisor, "04-statistics-tablet");
        Assert.Equal("Approved", approved.GetProperty("step").GetString());
        Assert.True(File.Exists(Path.Combine(ConsoleBrowser.ScreenshotFolder, "04-statistics-tablet.png")));
    }

    // The console is served by the local host at / beside the functions; the API is not shadowed by it.
    [Fact]
    public async Task LocalHost_ServesTheConsoleAtRoot_AndTheApiBesideIt()
    {
        await using var app = await ReliefApp.StartAsync();
        using var anonymous = app.ClientWith(null);

        var index = await anonymous.GetAsync("/");
        var script = await anonymous.GetAsync("/app.js");
        var health = await anonymous.GetAsync("/api/health");
        var unsigned = await anonymous.GetAsync("/api/statistics");

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Contains("社会救助工作台", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", index.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }
}
