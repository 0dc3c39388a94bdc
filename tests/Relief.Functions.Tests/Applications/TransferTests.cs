using System.Net.Http.Json;
using System.Text.Json;
using Relief.Cases.Deadlines;
using Relief.Cases.Storage.Queues;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Applications;

/// <summary>End to end: a transfer (转办) to a department with a 5-working-day reply limit, answered in time and overdue.</summary>
public sealed class TransferTests
{
    private static JsonElement? Transfer(JsonElement status, string transferId) =>
        status.GetProperty("transfers").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(t => t!.Value.GetProperty("transferId").GetString() == transferId);

    private static async Task<string> OpenCaseAsync(ReliefApp app)
    {
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        await app.ActAcceptedAsync(caseId, "accept", new { actor = "caseworker:0042" });
        await app.WaitForDeadlineAsync(caseId, "InvestigationStart");
        return caseId;
    }

    private static async Task<string> TransferAsync(ReliefApp app, string caseId)
    {
        var accepted = await app.ActAcceptedAsync(caseId, "transfers", new { actor = "caseworker:0042", department = "Medical", subject = "Medical assistance for member 2", workingDays = 5 });
        string transferId = accepted.GetProperty("transferId").GetString()!;
        await app.WaitForStatusAsync(caseId, s => Transfer(s, transferId) is not null, "the transfer on the case");
        return transferId;
    }

    [Fact]
    public async Task Transfer_AnsweredWithinFiveWorkingDays_Answered()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await OpenCaseAsync(app);
        var transferId = await TransferAsync(app, caseId);

        var open = await app.StatusAsync(caseId);
        Assert.Equal("Open", Transfer(open, transferId)!.Value.GetProperty("state").GetString());
        var deadline = ReliefApp.Deadlines(open).Single(d => d.GetProperty("kind").GetString() == "TransferReply");
        Assert.Equal("2026-03-09", deadline.GetProperty("dueDate").GetString()); // 5 working days after Monday 2 March
        Assert.Equal(transferId, deadline.GetProperty("reference").GetString());

        app.Time.Advance(TimeSpan.FromDays(3));
        var reply = await app.Client.PostAsJsonAsync($"/api/applications/{caseId}/transfers/{transferId}/reply", new { actor = "medical-bureau:0005", note = "Medical assistance granted." });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, reply.StatusCode);
        var answered = await app.WaitForStatusAsync(caseId, s => Transfer(s, transferId)!.Value.GetProperty("state").GetString() == "Answered"
            && ReliefApp.History(s).Count(h => h.GetProperty("kind").GetString() == "Transfer") == 2, "the answer");

        Assert.Equal("Investigation", answered.GetProperty("step").GetString()); // the case itself went on
        app.Time.Advance(TimeSpan.FromDays(10));
        await app.WaitForStatusAsync(caseId, s => ReliefApp.History(s).Any(h => h.GetProperty("kind").GetString() == "Escalation"), "the investigation escalation");
        var later = await app.StatusAsync(caseId);
        Assert.DoesNotContain(ReliefApp.History(later), h => h.GetProperty("kind").GetString() == "Escalation" && h.GetProperty("summary").GetString()!.Contains(transferId, StringComparison.Ordinal));
        var again = await app.Client.PostAsJsonAsync($"/api/applications/{caseId}/transfers/{transferId}/reply", new { actor = "medical-bureau:0005" });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Transfer_NoReplyWithinFiveWorkingDays_EscalatedThenLateReplyAccepted()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await OpenCaseAsync(app);
        await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", new { actor = "caseworker:0042", investigators = new[] { "investigator:0007", "investigator:0008" } });
        await app.WaitForDeadlineAsync(caseId, "PublicNoticeEnd");
        var transferId = await TransferAsync(app, caseId);

        app.Time.Advance(TimeSpan.FromDays(8));
        var overdue = await app.WaitForStatusAsync(caseId, s => Transfer(s, transferId)!.Value.GetProperty("state").GetString() == "Overdue"
            && ReliefApp.History(s).Any(h => h.GetProperty("kind").GetString() == "Escalation" && h.GetProperty("summary").GetString()!.Contains(transferId, StringComparison.Ordinal)), "the overdue transfer");
        var supervision = await app.WaitForMessagesAsync<SupervisionMessage>(app.SupervisionQueue, m => m.Any(x => x.DeadlineKind == CaseDeadlineKind.TransferReply));

        var message = Assert.Single(supervision, m => m.DeadlineKind == CaseDeadlineKind.TransferReply);
        Assert.Equal(transferId, message.Reference);
        Assert.Equal(caseId, message.CaseId);
        Assert.Contains(ReliefApp.History(overdue), h => h.GetProperty("kind").GetString() == "Escalation" && h.GetProperty("summary").GetString()!.Contains(transferId, StringComparison.Ordinal));

        var reply = await app.Client.PostAsJsonAsync($"/api/applications/{caseId}/transfers/{transferId}/reply", new { actor = "medical-bureau:0005", note = "Late reply." });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, reply.StatusCode);
        var late = await app.WaitForStatusAsync(caseId, s => Transfer(s, transferId)!.Value.GetProperty("state").GetString() == "AnsweredLate"
            && ReliefApp.History(s).Count(h => h.GetProperty("kind").GetString() == "Transfer") == 2, "the late answer");
        Assert.True(Transfer(late, transferId)!.Value.GetProperty("answeredAt").ValueKind == JsonValueKind.String);
    }
}
