using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Applications;

/// <summary>End to end: an objection during the public notice (公示异议) → community review → a new notice → approval.</summary>
public sealed class ObjectionTests
{
    [Fact]
    public async Task FileObjection_DuringNotice_CommunityReviewThenNewNoticeThenApproval()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        await app.ActAcceptedAsync(caseId, "accept", new { actor = "caseworker:0042" });
        await app.WaitForDeadlineAsync(caseId, "InvestigationStart");
        await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", new { actor = "caseworker:0042", investigators = new[] { "investigator:0007", "investigator:0008" } });
        var firstNotice = await app.WaitForDeadlineAsync(caseId, "PublicNoticeEnd");
        string firstDue = ReliefApp.Deadlines(firstNotice).Single(d => d.GetProperty("kind").GetString() == "PublicNoticeEnd").GetProperty("dueDate").GetString()!;

        app.Time.Advance(TimeSpan.FromDays(3));
        await app.ActAcceptedAsync(caseId, "objections", new { actor = "village-committee:0011", note = "A neighbour reports undeclared income." });
        await app.WaitForStepAsync(caseId, "Reinvestigation");
        var wrongStep = await app.ActAsync(caseId, "objections", new { actor = "village-committee:0011" });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, wrongStep.StatusCode);
        app.Time.Advance(TimeSpan.FromDays(2));
        await app.ActAcceptedAsync(caseId, "community-review", new { actor = "caseworker:0042", note = "Community review (民主评议): objection unfounded." });
        var secondNotice = await app.WaitForDeadlineAsync(caseId, "PublicNoticeEnd", count: 2);
        string secondDue = ReliefApp.Deadlines(secondNotice).Single(d => d.GetProperty("kind").GetString() == "PublicNoticeEnd").GetProperty("dueDate").GetString()!;

        // The first notice's end no longer counts: 6 days after the objection nothing moves.
        app.Time.Advance(TimeSpan.FromDays(6));
        await Task.Delay(500);
        Assert.Equal("PublicNotice", (await app.StatusAsync(caseId)).GetProperty("step").GetString());
        app.Time.Advance(TimeSpan.FromDays(2));
        await app.WaitForDeadlineAsync(caseId, "CountyDecision");
        await app.ActAcceptedAsync(caseId, "approve", new { actor = "approver:0101" });
        var approved = await app.WaitForStepAsync(caseId, "Approved");

        Assert.Equal("2026-03-09", firstDue); // notice from Monday 2 March, 7 calendar days
        Assert.Equal("2026-03-14", secondDue); // new notice from Saturday 7 March
        var steps = ReliefApp.History(approved).Where(h => h.GetProperty("kind").GetString() == "StepChanged").Select(h => h.GetProperty("summary").GetString()!).ToArray();
        Assert.Equal(
            ["Step Submitted → Investigation.", "Step Investigation → Assessment.", "Step Assessment → PublicNotice.", "Step PublicNotice → Reinvestigation.",
             "Step Reinvestigation → PublicNotice.", "Step PublicNotice → AwaitingDecision.", "Step AwaitingDecision → Approved."],
            steps);
    }
}
