using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relief.Functions.Tests.Builders;
using Relief.Identity;
using static Relief.Identity.ReliefRoles;

namespace Relief.Functions.Tests.Identity;

/// <summary>
/// Who may decide, through the local host on the rehearsal jurisdiction (days last seconds): an investigator of the
/// case may not approve it; approving against the assessment needs an override with a written reason and is flagged;
/// approve and refuse sent together are never both applied.
/// </summary>
public sealed class DecisionIntegrityTests
{
    private static readonly string[] Areas = TestTokens.AllAreas;

    [Fact]
    public async Task ApproverWhoInvestigated_403_AnotherApproverDecides()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(ReliefApp.Rehearsal(TestApplications.QingdaoDibao()));
        await app.ActAcceptedAsync(caseId, "accept", new { });
        await app.WaitForStepAsync(caseId, "Investigation");
        await app.AnswerVerificationsAsync(caseId);
        using var visitor = app.ClientAs(new TokenRequest(TestTokens.Approver.Subject, [Investigator, Approver], Areas)); // one person, both roles
        var investigated = await visitor.PostAsJsonAsync($"api/applications/{caseId}/investigation", new { investigators = new[] { "0077" } }, ReliefApp.Json);
        Assert.Equal(HttpStatusCode.Accepted, investigated.StatusCode);
        var awaiting = await app.WaitForStatusAsync(caseId, s => s.GetProperty("step").GetString() == "AwaitingDecision", "the end of the public notice");
        Assert.Equal(new[] { TestTokens.Approver.Subject, "0077" }, awaiting.GetProperty("investigators").EnumerateArray().Select(i => i.GetString()).ToArray());

        var refused = await app.ActAsync(caseId, "approve", new { });
        using var other = app.ClientAs(new TokenRequest("0202", [Approver], Areas));
        var approved = await other.PostAsJsonAsync($"api/applications/{caseId}/approve", new { }, ReliefApp.Json);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Separation of duties", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, approved.StatusCode);
        var done = await app.WaitForStepAsync(caseId, "Approved");
        Assert.Contains(ReliefApp.History(done), h => h.GetProperty("kind").GetString() == "Decision" && h.GetProperty("actor").GetString() == "approver:0202");
        Assert.Contains(ReliefApp.History(done), h => h.GetProperty("actor").GetString() == "investigator:0101");
    }

    [Fact]
    public async Task IneligibleCase_ApprovalNeedsOverrideAndReason_ThenFlagged()
    {
        await using var app = await ReliefApp.StartAsync();
        var rich = TestApplications.QingdaoDibao();
        rich = rich with { Incomes = [rich.Incomes![0] with { MonthlyAmount = 20000m }] };
        var caseId = await app.SubmitAsync(ReliefApp.Rehearsal(rich));
        await app.ActAcceptedAsync(caseId, "accept", new { });
        await app.WaitForStepAsync(caseId, "Investigation");
        await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", new { investigators = new[] { "0077" } });
        await app.WaitForStatusAsync(caseId, s => s.GetProperty("step").GetString() == "AwaitingDecision", "the proposed refusal");

        var plain = await app.ActAsync(caseId, "approve", new { });
        var noReason = await app.ActAsync(caseId, "approve", new { @override = true });
        var withReason = await app.ActAsync(caseId, "approve", new { @override = true, note = "The income is a one-off severance payment; the household has no income from next month." });

        Assert.Equal(HttpStatusCode.Conflict, plain.StatusCode);
        Assert.Contains("override", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, withReason.StatusCode);
        var done = await app.WaitForStepAsync(caseId, "Approved");
        Assert.True(done.GetProperty("overridden").GetBoolean());
        Assert.Contains(ReliefApp.History(done), h => h.GetProperty("kind").GetString() == "Decision"
            && h.GetProperty("summary").GetString()!.Contains("越权批准", StringComparison.Ordinal) && h.GetProperty("summary").GetString()!.Contains("severance", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApproveAndRefuseTogether_TwentyRuns_ExactlyOneApplied()
    {
        await using var app = await ReliefApp.StartAsync();
        // The agencies answer one case at a time (the helper peeks the first 32 requests; each case's are cleared once answered).
        var requests = new Azure.Storage.Queues.QueueClient(app.ConnectionString, app.VerificationRequestQueue);
        var cases = new List<string>();
        for (int i = 0; i < 20; i++)
        {
            var caseId = await app.SubmitAsync(ReliefApp.Rehearsal(TestApplications.QingdaoDibao()));
            await app.ActAcceptedAsync(caseId, "accept", new { });
            await app.WaitForStepAsync(caseId, "Investigation");
            await app.AnswerVerificationsAsync(caseId);
            await requests.ClearMessagesAsync();
            cases.Add(caseId);
        }

        await Task.WhenAll(cases.Select(async caseId =>
        {
            await app.ActAcceptedAsync(caseId, "investigation", new { investigators = new[] { "0077" } });
            await app.WaitForStatusAsync(caseId, s => s.GetProperty("step").GetString() == "AwaitingDecision", "the end of the public notice", seconds: 240);
        }));

        using var approver = app.ClientAs(TestTokens.Approver);
        var failures = new List<string>();
        foreach (var caseId in cases)
        {
            var approve = approver.PostAsJsonAsync($"api/applications/{caseId}/approve", new { }, ReliefApp.Json);
            var reject = approver.PostAsJsonAsync($"api/applications/{caseId}/reject", new { reasons = new[] { "declined in the same instant" } }, ReliefApp.Json);
            var answers = await Task.WhenAll(approve, reject);
            // The step and its trail are two writes of one activity: wait for the step-change entry, which is appended after the decision's.
            var status = await app.WaitForStatusAsync(caseId, s => s.GetProperty("step").GetString() is "Approved" or "Refused"
                && ReliefApp.History(s).Any(h => h.GetProperty("kind").GetString() == "StepChanged" && h.GetProperty("summary").GetString()!.EndsWith("→ " + s.GetProperty("step").GetString() + ".", StringComparison.Ordinal)), "a decision");
            // The loser: 409 naming the step, or accepted and then recorded as ignored in the trail.
            status = await app.WaitForStatusAsync(caseId, s => answers.Count(a => a.StatusCode == HttpStatusCode.Accepted) == 1
                || ReliefApp.History(s).Any(h => h.GetProperty("summary").GetString()!.Contains("ignored", StringComparison.Ordinal)), "the loser recorded");
            int decisions = ReliefApp.History(status).Count(h => h.GetProperty("kind").GetString() == "Decision" && h.GetProperty("actor").GetString()!.StartsWith("approver:", StringComparison.Ordinal));
            int accepted = answers.Count(a => a.StatusCode == HttpStatusCode.Accepted), conflicts = answers.Count(a => a.StatusCode == HttpStatusCode.Conflict);
            if (decisions != 1 || accepted + conflicts != 2 || accepted == 0) failures.Add($"{caseId}: {decisions} decisions, {accepted} accepted, {conflicts} conflicts");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task SecondAnswerFromAnAgency_KeptAsCorrection_RedeliveryChangesNothing()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(ReliefApp.Rehearsal(TestApplications.QingdaoDibao()));
        await app.ActAcceptedAsync(caseId, "accept", new { });
        await app.WaitForStepAsync(caseId, "Investigation");
        var requests = await app.AnswerVerificationsAsync(caseId);
        await app.WaitForStatusAsync(caseId, s => s.GetProperty("verifications").EnumerateArray().All(v => v.GetProperty("state").GetString() == "Answered"), "every answer");
        var tax = requests.Single(r => r.Agency == "tax");
        var answers = new Azure.Storage.Queues.QueueClient(app.ConnectionString, app.VerificationAnswerQueue, new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.None });
        var correction = new Relief.Cases.Storage.Queues.EconomicVerificationAnswerMessage(tax.RequestId, caseId, "tax", DateTimeOffset.UtcNow, "Corrected: a second employer's wages were found.", true);
        await answers.SendMessageAsync(Relief.Cases.Storage.Queues.QueueMessageText.Encode(correction, base64: true));
        await answers.SendMessageAsync(Relief.Cases.Storage.Queues.QueueMessageText.Encode(correction, base64: true)); // redelivered

        var status = await app.WaitForStatusAsync(caseId, s => ReliefApp.History(s).Any(h => h.GetProperty("summary").GetString()!.Contains("CORRECTED", StringComparison.Ordinal)), "the correction in the trail");
        await Task.Delay(3000); // the redelivery's turn
        status = await app.StatusAsync(caseId);

        var taxRecord = status.GetProperty("verifications").EnumerateArray().Single(v => v.GetProperty("agency").GetString() == "Tax");
        Assert.True(taxRecord.GetProperty("discrepancy").GetBoolean());
        Assert.Equal("Corrected: a second employer's wages were found.", taxRecord.GetProperty("summary").GetString());
        var earlier = Assert.Single(taxRecord.GetProperty("corrections").EnumerateArray());
        Assert.Equal("Records match the declaration.", earlier.GetProperty("summary").GetString());
        Assert.Single(ReliefApp.History(status), h => h.GetProperty("summary").GetString()!.Contains("CORRECTED", StringComparison.Ordinal));
    }
}
