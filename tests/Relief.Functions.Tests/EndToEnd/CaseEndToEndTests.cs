using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relief.Cases.Storage.Queues;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.EndToEnd;

/// <summary>
/// The built app through the local Functions host on Azurite, in real time: whole cases of the rehearsal jurisdiction
/// (Qingdao's figures; each day of the procedure lasts 2 seconds), agencies played on the integration queues.
/// </summary>
public sealed class CaseEndToEndTests
{
    private static bool IsStep(JsonElement status, string step) => status.GetProperty("step").GetString() == step;

    [Fact]
    public async Task Dibao_SubmittedAcceptedInvestigatedVerifiedNoticedApproved_FirstPaymentInstructionWritten()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(ReliefApp.Rehearsal(TestApplications.QingdaoDibao()));

        await app.ActAcceptedAsync(caseId, "accept", new { });
        await app.WaitForStepAsync(caseId, "Investigation");
        var requests = await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", new { investigators = new[] { "investigator:1", "investigator:2" }, note = "Home visit done." });
        await app.WaitForStatusAsync(caseId, s => IsStep(s, "AwaitingDecision"), "the end of the public notice");
        await app.ActAcceptedAsync(caseId, "approve", new { });
        var approved = await app.WaitForStepAsync(caseId, "Approved");
        var payments = await app.WaitForMessagesAsync<PaymentInstructionMessage>(app.PaymentsQueue, m => m.Any(p => p.CaseId == caseId));

        Assert.Equal(6, requests.Count);
        Assert.Equal(6, requests.Select(r => r.Agency).Distinct().Count());
        var payment = Assert.Single(payments, p => p.CaseId == caseId);
        Assert.True(payment.Amount > 0m);
        Assert.Equal(approved.GetProperty("decision").GetProperty("amount").GetDecimal(), payment.Amount);
        Assert.Single(ReliefApp.History(approved), h => h.GetProperty("kind").GetString() == "Decision" && h.GetProperty("summary").GetString()!.StartsWith("Approved", StringComparison.Ordinal));
        Assert.Contains(ReliefApp.History(approved), h => h.GetProperty("summary").GetString()!.Contains("Every agency has answered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Emergency_AdvanceReliefWrittenWithinSeconds_BeforeAnyHumanAction()
    {
        await using var app = await ReliefApp.StartAsync();
        var application = ReliefApp.Rehearsal(TestApplications.QingdaoEmergency()) with
        {
            Temporary = TestApplications.QingdaoEmergency().Temporary! with { OccurredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)) },
        };
        var submitted = DateTimeOffset.UtcNow;
        var caseId = await app.SubmitAsync(application);

        var advance = await app.WaitForMessagesAsync<PaymentInstructionMessage>(app.PaymentsQueue, m => m.Any(p => p.CaseId == caseId), seconds: 60);
        var status = await app.WaitForStepAsync(caseId, "Paperwork");

        var payment = Assert.Single(advance, p => p.CaseId == caseId);
        Assert.True(payment.Amount > 0m);
        Assert.True(DateTimeOffset.UtcNow - submitted < TimeSpan.FromHours(24));
        Assert.DoesNotContain(ReliefApp.History(status), h => h.GetProperty("actor").GetString()!.StartsWith("caseworker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transfers_OneAnsweredInTime_OneEscalatedThenAnsweredLate()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(ReliefApp.Rehearsal(TestApplications.QingdaoDibao()));

        var quick = await app.Client.PostAsJsonAsync($"api/applications/{caseId}/transfers", new { department = "Medical", subject = "medical assistance", workingDays = 60 }, ReliefApp.Json);
        var slow = await app.Client.PostAsJsonAsync($"api/applications/{caseId}/transfers", new { department = "Housing", subject = "housing assistance", workingDays = 1 }, ReliefApp.Json);
        string quickId = (await quick.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("transferId").GetString()!;
        string slowId = (await slow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("transferId").GetString()!;
        await app.WaitForStatusAsync(caseId, s => s.GetProperty("transfers").GetArrayLength() == 2, "both transfers recorded");
        using var medical = app.ClientAs(new Relief.Identity.TokenRequest("m07", [Relief.Identity.ReliefRoles.DepartmentOfficer], Department: "Medical"));
        using var housing = app.ClientAs(new Relief.Identity.TokenRequest("h03", [Relief.Identity.ReliefRoles.DepartmentOfficer], Department: "Housing"));
        Assert.Equal(HttpStatusCode.Forbidden, (await housing.PostAsJsonAsync($"api/applications/{caseId}/transfers/{quickId}/reply", new { note = "not ours" }, ReliefApp.Json)).StatusCode);
        (await medical.PostAsJsonAsync($"api/applications/{caseId}/transfers/{quickId}/reply", new { note = "granted" }, ReliefApp.Json)).EnsureSuccessStatusCode();
        var supervision = await app.WaitForMessagesAsync<SupervisionMessage>(app.SupervisionQueue, m => m.Any(x => x.Reference == slowId));
        (await housing.PostAsJsonAsync($"api/applications/{caseId}/transfers/{slowId}/reply", new { note = "late, granted" }, ReliefApp.Json)).EnsureSuccessStatusCode();
        var done = await app.WaitForStatusAsync(caseId, s => s.GetProperty("transfers").EnumerateArray().All(t => t.GetProperty("state").GetString() is "Answered" or "AnsweredLate"), "both replies recorded");

        var states = done.GetProperty("transfers").EnumerateArray().ToDictionary(t => t.GetProperty("transferId").GetString()!, t => t.GetProperty("state").GetString());
        Assert.Equal("Answered", states[quickId]);
        Assert.Equal("AnsweredLate", states[slowId]);
        Assert.DoesNotContain(supervision, x => x.Reference == quickId);
    }

    [Fact]
    public async Task KillNine_OfTheHost_MidCase_ANewHostFinishesIt_NothingLost_EachDecisionOnce()
    {
        var app = await ReliefApp.StartAsync();
        await using var _ = app;
        var caseId = await app.SubmitAsync(ReliefApp.Rehearsal(TestApplications.QingdaoDibao()));
        await app.ActAcceptedAsync(caseId, "accept", new { });
        await app.WaitForStepAsync(caseId, "Investigation");
        var requests = await app.AnswerVerificationsAsync(caseId);

        // The host dies (kill -9) with the case waiting on its investigation; a new host starts on the same storage.
        app.Host.Kill();
        Assert.True(await app.Host.WaitForExitAsync(TimeSpan.FromSeconds(10)), "the killed host did not exit");
        await app.RestartAsync();

        // The answers the dead host had received come back when their message lease ends (10 s in these tests) and
        // reach the case through the new host: each one, none lost.
        await app.WaitForStatusAsync(caseId, s => s.GetProperty("verifications").EnumerateArray().Count(v => v.GetProperty("state").GetString() is "Answered" or "AnsweredLate") == 6,
            "every agency's answer on the case after the restart", seconds: 120);
        await app.ActAcceptedAsync(caseId, "investigation", new { investigators = new[] { "investigator:1", "investigator:2" } });
        await app.WaitForStatusAsync(caseId, s => IsStep(s, "AwaitingDecision"), "the end of the public notice after the new host took over", seconds: 180);
        await app.ActAcceptedAsync(caseId, "approve", new { });
        await app.WaitForStepAsync(caseId, "Approved");
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a duplicate to show up, were there one
        var payments = await app.WaitForMessagesAsync<PaymentInstructionMessage>(app.PaymentsQueue, m => m.Any(p => p.CaseId == caseId));
        var verificationRequests = await app.WaitForMessagesAsync<EconomicVerificationRequestMessage>(app.VerificationRequestQueue, m => m.Count(r => r.CaseId == caseId) >= 6);

        // The step and its audit entries are two writes: the trail is read once the decision's entry is there.
        var approved = await app.WaitForStatusAsync(caseId, s => ReliefApp.History(s).Any(h => h.GetProperty("kind").GetString() == "Decision"), "the decision in the audit trail");
        var history = ReliefApp.History(approved).ToArray();
        Assert.Single(history, h => h.GetProperty("kind").GetString() == "Decision" && h.GetProperty("summary").GetString()!.StartsWith("Approved", StringComparison.Ordinal));
        Assert.Single(history, h => h.GetProperty("summary").GetString()!.StartsWith("Investigation findings recorded", StringComparison.Ordinal));
        Assert.Single(history, h => h.GetProperty("summary").GetString()!.Contains("Every agency has answered", StringComparison.Ordinal));
        Assert.Single(payments.Where(p => p.CaseId == caseId).Select(p => p.IdempotencyKey).Distinct());
        Assert.Equal(requests.Select(r => r.RequestId).Order(), verificationRequests.Where(r => r.CaseId == caseId).Select(r => r.RequestId).Distinct().Order());
    }

    /// <summary>
    /// The window a kill -9 can leave open in the answer handler: the first delivery of an agency's answer stored it on
    /// the case record and died before it reached the orchestration. The redelivered message must still reach it —
    /// otherwise the case waits for an answer it already has and escalates the agency as silent.
    /// </summary>
    [Fact]
    public async Task AnAnswerStored_ButNotRaised_BeforeACrash_ReachesTheCaseOnRedelivery()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(ReliefApp.Rehearsal(TestApplications.QingdaoDibao()));
        await app.ActAcceptedAsync(caseId, "accept", new { });
        await app.WaitForStepAsync(caseId, "Investigation");
        var pending = await app.WaitForMessagesAsync<EconomicVerificationRequestMessage>(app.VerificationRequestQueue, m => m.Count(r => r.CaseId == caseId) >= 6);
        var first = pending.First(r => r.CaseId == caseId);
        Assert.True(Relief.Cases.Verification.VerificationAgencies.TryParse(first.Agency, out var agency));

        // What the first delivery had done when it died: the answer is on the record; no event was raised.
        var cases = new Relief.Cases.Storage.Cases.CaseStore(new Azure.Data.Tables.TableServiceClient(app.ConnectionString), new Azure.Storage.Blobs.BlobServiceClient(app.ConnectionString),
            Microsoft.Extensions.Options.Options.Create(new Relief.Cases.Storage.Cases.CaseStoreOptions { TableName = app.CaseTable }), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Relief.Cases.Storage.Cases.CaseStore>.Instance);
        // Through CaseUpdates, which re-reads on an ETag conflict: the case's own workflow writes the record meanwhile.
        var audit = new Relief.Cases.Storage.Audit.AuditLog(new Azure.Data.Tables.TableServiceClient(app.ConnectionString),
            Microsoft.Extensions.Options.Options.Create(new Relief.Cases.Storage.Audit.AuditLogOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<Relief.Cases.Storage.Audit.AuditLog>.Instance);
        var stored = await new Relief.Functions.Workflows.CaseUpdates(cases, audit).UpdateAsync(caseId,
            record => record.ApplyVerification(agency, Relief.Cases.Verification.VerificationTrigger.Answer, DateTimeOffset.UtcNow, "Records match the declaration.", discrepancy: false), CancellationToken.None);
        Assert.Equal(Relief.Cases.Verification.VerificationState.Answered, stored.Verifications.Single(v => v.Agency == agency).State);

        // Every answer is delivered (the stored one again, as a redelivery), then the findings.
        await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", new { investigators = new[] { "investigator:1", "investigator:2" } });
        var settled = await app.WaitForStatusAsync(caseId, s => ReliefApp.History(s).Any(h => h.GetProperty("summary").GetString()!.StartsWith("Investigation findings recorded", StringComparison.Ordinal)),
            "the findings recorded once the verification settled");

        Assert.Single(ReliefApp.History(settled), h => h.GetProperty("summary").GetString()!.Contains("Every agency has answered", StringComparison.Ordinal));
        Assert.DoesNotContain(ReliefApp.History(settled), h => h.GetProperty("summary").GetString()!.StartsWith("Deadline EconomicVerificationAnswers", StringComparison.Ordinal)
            && h.GetProperty("kind").GetString() == "Escalation");
    }

    [Fact]
    public async Task KillNine_OfTheWorker_MidCase_NothingLost_EachDecisionOnce()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(ReliefApp.Rehearsal(TestApplications.QingdaoDibao()));
        await app.ActAcceptedAsync(caseId, "accept", new { });
        await app.WaitForStepAsync(caseId, "Investigation");

        // The worker dies (kill -9); the host restarts it. Answers sent meanwhile wait on their queue.
        using (var kill = System.Diagnostics.Process.Start("kill", ["-KILL", (await app.Host.WorkerProcessIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", new { investigators = new[] { "investigator:1", "investigator:2" } });
        await app.WaitForStatusAsync(caseId, s => IsStep(s, "AwaitingDecision"), "the end of the public notice after the kill", seconds: 180);
        await app.ActAcceptedAsync(caseId, "approve", new { });
        var approved = await app.WaitForStepAsync(caseId, "Approved");
        var payments = await app.WaitForMessagesAsync<PaymentInstructionMessage>(app.PaymentsQueue, m => m.Any(p => p.CaseId == caseId));
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a duplicate to show up, were there one
        payments = await app.WaitForMessagesAsync<PaymentInstructionMessage>(app.PaymentsQueue, m => m.Any(p => p.CaseId == caseId));

        var history = ReliefApp.History(approved).ToArray();
        Assert.Single(history, h => h.GetProperty("kind").GetString() == "Decision" && h.GetProperty("summary").GetString()!.StartsWith("Approved", StringComparison.Ordinal));
        Assert.Single(history, h => h.GetProperty("summary").GetString()!.StartsWith("Investigation findings recorded", StringComparison.Ordinal));
        Assert.Single(history, h => h.GetProperty("summary").GetString()!.Contains("Every agency has answered", StringComparison.Ordinal));
        Assert.Single(payments.Where(p => p.CaseId == caseId).Select(p => p.IdempotencyKey).Distinct());
    }
}
