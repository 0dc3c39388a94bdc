using Relief.Cases.Deadlines;
using Relief.Cases.Storage.Queues;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Applications;

/// <summary>End to end: the host restarted in the middle of a case — nothing lost, deadlines still fire.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task HostRestartedMidCase_NothingLostAndDeadlinesStillFire()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        await app.ActAcceptedAsync(caseId, "accept", new { actor = "caseworker:0042" });
        var before = await app.WaitForDeadlineAsync(caseId, "InvestigationStart");

        await app.RestartAsync();
        var after = await app.StatusAsync(caseId);
        var kept = ReliefApp.History(after).Select(h => h.GetProperty("summary").GetString()).ToArray();
        Assert.Equal(ReliefApp.History(before).Select(h => h.GetProperty("summary").GetString()), kept.Take(before.GetProperty("history").GetArrayLength()));
        Assert.Equal("Investigation", after.GetProperty("step").GetString());

        // The investigation-start timer was set by the first host; it fires on the second.
        app.Time.Advance(TimeSpan.FromDays(4));
        await app.WaitForStatusAsync(caseId, s => ReliefApp.History(s).Any(h => h.GetProperty("kind").GetString() == "Escalation"), "the escalation after the restart", seconds: 120);
        await app.WaitForMessagesAsync<SupervisionMessage>(app.SupervisionQueue, m => m.Any(x => x.CaseId == caseId && x.DeadlineKind == CaseDeadlineKind.InvestigationStart));

        // Actions still reach the case orchestration, and it runs to approval.
        await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", new { actor = "caseworker:0042", investigators = new[] { "investigator:0007", "investigator:0008" } });
        await app.WaitForDeadlineAsync(caseId, "PublicNoticeEnd");
        await app.RestartAsync();
        app.Time.Advance(TimeSpan.FromDays(8));
        await app.WaitForDeadlineAsync(caseId, "CountyDecision");
        await app.ActAcceptedAsync(caseId, "approve", new { actor = "approver:0101" });
        var approved = await app.WaitForStepAsync(caseId, "Approved");
        Assert.Single(ReliefApp.History(approved), h => h.GetProperty("kind").GetString() == "Escalation");
    }
}
