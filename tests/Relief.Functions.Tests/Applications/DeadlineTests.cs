using System.Text.Json;
using Relief.Cases.Deadlines;
using Relief.Cases.Lifecycle;
using Relief.Cases.Storage.Queues;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Applications;

/// <summary>End to end: deadlines passing (超期督办) are escalated to the audit trail and the supervision queue; the case goes on.</summary>
public sealed class DeadlineTests
{
    private static readonly object Caseworker = new { actor = "caseworker:0042" };
    private static readonly object Investigators = new { actor = "caseworker:0042", investigators = new[] { "investigator:0007", "investigator:0008" } };

    private static bool HasEscalation(JsonElement status, string kind) =>
        ReliefApp.History(status).Any(h => h.GetProperty("kind").GetString() == "Escalation" && h.GetProperty("summary").GetString()!.StartsWith("Deadline " + kind, StringComparison.Ordinal));

    [Fact]
    public async Task Investigation_NotRecordedByItsDeadline_EscalatedAndCaseContinues()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        await app.ActAcceptedAsync(caseId, "accept", Caseworker);
        var accepted = await app.WaitForDeadlineAsync(caseId, "InvestigationStart");
        var due = ReliefApp.Deadlines(accepted).Single(d => d.GetProperty("kind").GetString() == "InvestigationStart");
        Assert.Equal("2026-03-05", due.GetProperty("dueDate").GetString()); // 3 working days after Monday 2 March

        app.Time.Advance(TimeSpan.FromDays(4));
        var escalated = await app.WaitForStatusAsync(caseId, s => HasEscalation(s, "InvestigationStart"), "the investigation escalation");
        var supervision = await app.WaitForMessagesAsync<SupervisionMessage>(app.SupervisionQueue, m => m.Any(x => x.CaseId == caseId));

        var message = Assert.Single(supervision);
        Assert.Equal(CaseDeadlineKind.InvestigationStart, message.DeadlineKind);
        Assert.Equal(CaseStep.Investigation, message.Step);
        Assert.Equal("qingdao/shinan", message.Jurisdiction);
        Assert.Equal(due.GetProperty("expiresAt").GetDateTimeOffset(), message.DueAt);
        Assert.Equal("Investigation", escalated.GetProperty("step").GetString());
        Assert.Contains(ReliefApp.Deadlines(escalated), d => d.GetProperty("kind").GetString() == "InvestigationStart" && d.GetProperty("overdue").GetBoolean());

        // The case goes on: the late findings are still accepted.
        await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", Investigators);
        var notice = await app.WaitForStepAsync(caseId, "PublicNotice");
        Assert.Single(ReliefApp.History(notice), h => h.GetProperty("kind").GetString() == "Escalation");
    }

    [Fact]
    public async Task Decision_NotTakenByTheOverallLimit_EscalatedThenApprovalStillAccepted()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        await app.ActAcceptedAsync(caseId, "accept", Caseworker);
        await app.WaitForDeadlineAsync(caseId, "InvestigationStart");
        await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", Investigators);
        await app.WaitForDeadlineAsync(caseId, "PublicNoticeEnd");
        app.Time.Advance(TimeSpan.FromDays(8));
        await app.WaitForDeadlineAsync(caseId, "CountyDecision");

        app.Time.Advance(TimeSpan.FromDays(40));
        var escalated = await app.WaitForStatusAsync(caseId, s => HasEscalation(s, "Overall") && HasEscalation(s, "CountyDecision"), "the overall and county escalations");
        var supervision = await app.WaitForMessagesAsync<SupervisionMessage>(app.SupervisionQueue, m => m.Count(x => x.CaseId == caseId) >= 2);

        Assert.Equal("AwaitingDecision", escalated.GetProperty("step").GetString());
        Assert.Contains(supervision, m => m.DeadlineKind == CaseDeadlineKind.Overall && m.Step == CaseStep.AwaitingDecision);
        Assert.Contains(supervision, m => m.DeadlineKind == CaseDeadlineKind.CountyDecision);
        var overdue = await app.Client.GetAsync("/api/cases?overdue=true");
        Assert.Contains(caseId, await overdue.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.ActAcceptedAsync(caseId, "approve", new { actor = "approver:0101" });
        var approved = await app.WaitForStepAsync(caseId, "Approved");
        Assert.Equal(2, ReliefApp.History(approved).Count(h => h.GetProperty("kind").GetString() == "Escalation"));
    }
}
