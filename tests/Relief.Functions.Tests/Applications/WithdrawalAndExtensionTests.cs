using System.Net;
using System.Text.Json;
using Relief.Domain.Calendar;
using Relief.Domain.Calendar.Loading;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Applications;

/// <summary>End to end: withdrawal (撤回申请) at any open step, and the extension of the overall limit (特殊情况延长).</summary>
public sealed class WithdrawalAndExtensionTests
{
    private static readonly object Caseworker = new { actor = "caseworker:0042" };

    private static bool HasEscalation(JsonElement status, string kind) =>
        ReliefApp.History(status).Any(h => h.GetProperty("kind").GetString() == "Escalation" && h.GetProperty("summary").GetString()!.StartsWith("Deadline " + kind + " ", StringComparison.Ordinal));

    [Fact]
    public async Task Withdraw_DuringInvestigation_EndsTheCaseAndItsDeadlines_LaterActionsConflict()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        await app.ActAcceptedAsync(caseId, "accept", Caseworker);
        await app.WaitForDeadlineAsync(caseId, "EconomicVerificationAnswers");

        var accepted = await app.ActAcceptedAsync(caseId, "withdraw", new { actor = "applicant", note = "Found work." });
        Assert.Equal("Withdrawn", accepted.GetProperty("nextStep").GetString());
        var status = await app.WaitForStepAsync(caseId, "Withdrawn");

        Assert.All(ReliefApp.Deadlines(status), d => Assert.False(d.GetProperty("running").GetBoolean()));
        Assert.Contains(ReliefApp.History(status), h => h.GetProperty("actor").GetString() == "applicant" && h.GetProperty("summary").GetString()!.StartsWith("Withdrawn by the applicant", StringComparison.Ordinal));
        var late = await app.ActAsync(caseId, "investigation", new { actor = "caseworker:0042", investigators = new[] { "investigator:0007", "investigator:0008" } });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Withdrawn", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await app.ActAsync(caseId, "withdraw", new { actor = "applicant" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // Its deadlines no longer fire: weeks later, nothing has been escalated.
        app.Time.Advance(TimeSpan.FromDays(60));
        var overdue = await app.Client.GetAsync("/api/cases?overdue=true");
        Assert.DoesNotContain(caseId, await overdue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(ReliefApp.History(await app.StatusAsync(caseId)), h => h.GetProperty("kind").GetString() == "Escalation");
    }

    [Fact]
    public async Task Extend_WithAReason_ReplacesTheOverallLimitWith45WorkingDays_OnceOnly()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        await app.ActAcceptedAsync(caseId, "accept", Caseworker);
        await app.WaitForDeadlineAsync(caseId, "Overall");

        var noReason = await app.ActAsync(caseId, "extend", new { actor = "approver:0101" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reasons", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.ActAcceptedAsync(caseId, "extend", new { actor = "approver:0101", reasons = new[] { "The household's business income needs an audit by the tax bureau." } });
        var extended = await app.WaitForDeadlineAsync(caseId, "OverallExtended");

        var calendar = await CalendarFileLoader.LoadShippedAsync(CancellationToken.None);
        var expected = new DeadlineCalculator(calendar).WorkingDays(ReliefApp.Start, 45);
        var deadline = ReliefApp.Deadlines(extended).Single(d => d.GetProperty("kind").GetString() == "OverallExtended");
        Assert.Equal(expected.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), deadline.GetProperty("dueDate").GetString());
        Assert.Contains("45 working days", deadline.GetProperty("basis").GetString(), StringComparison.Ordinal);
        Assert.Contains("tax bureau", deadline.GetProperty("basis").GetString(), StringComparison.Ordinal);
        Assert.Contains(ReliefApp.Deadlines(extended), d => d.GetProperty("kind").GetString() == "Overall" && !d.GetProperty("running").GetBoolean());

        var twice = await app.ActAsync(caseId, "extend", new { actor = "approver:0101", reasons = new[] { "Again." } });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        // Past the extended limit only the extended deadline is escalated; the replaced 20-day limit never fires.
        app.Time.Advance(TimeSpan.FromDays(100));
        var escalated = await app.WaitForStatusAsync(caseId, s => HasEscalation(s, "OverallExtended"), "the extended limit's escalation");
        Assert.False(HasEscalation(escalated, "Overall"));
        Assert.Equal("Investigation", escalated.GetProperty("step").GetString());
    }
}
