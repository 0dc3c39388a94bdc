using System.Text.Json;
using Azure.Storage.Queues;
using Relief.Cases.Deadlines;
using Relief.Cases.Storage.Queues;
using Relief.Functions.Tests.Applications;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Verification;

/// <summary>
/// End to end: economic verification (经济状况核对) — requests to every agency at acceptance, answers through the
/// integration queue as events, a missing answer escalated at its deadline, bad answers poisoned with the reason.
/// </summary>
public sealed class EconomicVerificationTests
{
    private static readonly object Caseworker = new { actor = "caseworker:0042" };
    private static readonly object Investigators = new { actor = "caseworker:0042", investigators = new[] { "investigator:0007", "investigator:0008" } };

    private static JsonElement[] Verifications(JsonElement status) => [.. status.GetProperty("verifications").EnumerateArray()];

    [Fact]
    public async Task Acceptance_RequestsEveryAgency_AssessmentWaitsForTheLastAnswer()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        await app.ActAcceptedAsync(caseId, "accept", Caseworker);

        // Everyone but the bank answers; the investigators report first.
        var requests = await app.AnswerVerificationsAsync(caseId, silent: ["bank"]);
        Assert.Equal(["tax", "housing-fund", "vehicles", "real-estate", "bank", "insurance"], requests.Select(r => r.Agency));
        Assert.All(requests, r =>
        {
            Assert.Equal($"{caseId}-ev-{r.Agency}", r.RequestId);
            Assert.Equal(app.VerificationAnswerQueue, r.ReplyQueue);
            Assert.Contains(TestApplications.ApplicantId, r.ResidentIds);
            Assert.Equal("qingdao/shinan", r.Jurisdiction);
        });
        var accepted = await app.WaitForDeadlineAsync(caseId, "EconomicVerificationAnswers");
        var answersDue = ReliefApp.Deadlines(accepted).Single(d => d.GetProperty("kind").GetString() == "EconomicVerificationAnswers");
        Assert.Equal("2026-03-09", answersDue.GetProperty("dueDate").GetString()); // 5 working days after Monday 2 March
        Assert.All(requests, r => Assert.Equal(answersDue.GetProperty("expiresAt").GetDateTimeOffset(), r.AnswerDueAt));
        Assert.Contains(ReliefApp.Deadlines(accepted), d => d.GetProperty("kind").GetString() == "EconomicVerificationStart" && !d.GetProperty("running").GetBoolean());

        await app.ActAcceptedAsync(caseId, "investigation", Investigators);
        var waiting = await app.WaitForStatusAsync(caseId, s => ReliefApp.History(s).Any(h => h.GetProperty("summary").GetString()!.Contains("waiting for the economic-verification answers of:", StringComparison.Ordinal))
            && Verifications(s).Count(v => v.GetProperty("state").GetString() == "Answered") == 5, "five answers and the wait for the rest");
        Assert.Equal("Investigation", waiting.GetProperty("step").GetString());
        Assert.Equal("Requested", Verifications(waiting).Single(v => v.GetProperty("agency").GetString() == "Bank").GetProperty("state").GetString());

        await SendAnswerAsync(app, caseId, "bank", "No deposits above the limit.");
        var notice = await app.WaitForStepAsync(caseId, "PublicNotice");
        Assert.All(Verifications(notice), v => Assert.Equal("Answered", v.GetProperty("state").GetString()));
        Assert.Contains(ReliefApp.Deadlines(notice), d => d.GetProperty("kind").GetString() == "EconomicVerificationAnswers" && !d.GetProperty("running").GetBoolean());
        Assert.Contains(ReliefApp.History(notice), h => h.GetProperty("actor").GetString() == "agency:bank" && h.GetProperty("summary").GetString()!.Contains("No deposits above the limit.", StringComparison.Ordinal));
        Assert.DoesNotContain(ReliefApp.History(notice), h => h.GetProperty("kind").GetString() == "Escalation");
    }

    [Fact]
    public async Task SilentAgency_EscalatedAtTheAnswerDeadline_NamedOnSupervision_CaseGoesOn_LateAnswerKept()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        await app.ActAcceptedAsync(caseId, "accept", Caseworker);
        await app.AnswerVerificationsAsync(caseId, silent: ["bank", "vehicles"]);
        await app.ActAcceptedAsync(caseId, "investigation", Investigators);
        await app.WaitForStatusAsync(caseId, s => Verifications(s).Count(v => v.GetProperty("state").GetString() == "Answered") == 4
            && ReliefApp.History(s).Any(h => h.GetProperty("summary").GetString()!.StartsWith("Investigation findings received; waiting for", StringComparison.Ordinal)),
            "four answers, and the findings taken in (so the investigation limit is no longer watched)");

        app.Time.Advance(TimeSpan.FromDays(8)); // past the end of 9 March
        var notice = await app.WaitForStepAsync(caseId, "PublicNotice");
        var supervision = await app.WaitForMessagesAsync<SupervisionMessage>(app.SupervisionQueue, m => m.Any(x => x.CaseId == caseId));

        var escalation = Assert.Single(supervision);
        Assert.Equal(CaseDeadlineKind.EconomicVerificationAnswers, escalation.DeadlineKind);
        Assert.Equal("vehicles,bank", escalation.Reference);
        Assert.Contains(ReliefApp.History(notice), h => h.GetProperty("kind").GetString() == "Escalation"
            && h.GetProperty("summary").GetString()!.Contains("No answer from: vehicles, bank.", StringComparison.Ordinal));
        Assert.Contains(ReliefApp.History(notice), h => h.GetProperty("kind").GetString() == "Decision"
            && h.GetProperty("summary").GetString()!.Contains("4 of 6 agencies answered; no answer from vehicles, bank — the approver must review", StringComparison.Ordinal));
        Assert.Equal(["Overdue", "Overdue"], Verifications(notice).Where(v => v.GetProperty("agency").GetString() is "Bank" or "Vehicles").Select(v => v.GetProperty("state").GetString()));

        // The late answer is not lost: recorded on the case and in the audit trail.
        await SendAnswerAsync(app, caseId, "bank", "Deposits of 80,000 yuan.", discrepancy: true);
        var late = await app.WaitForStatusAsync(caseId, s => Verifications(s).Any(v => v.GetProperty("agency").GetString() == "Bank" && v.GetProperty("state").GetString() == "AnsweredLate")
            && ReliefApp.History(s).Any(h => h.GetProperty("actor").GetString() == "agency:bank"), "the late answer on the record and in the audit trail");
        var bank = Verifications(late).Single(v => v.GetProperty("agency").GetString() == "Bank");
        Assert.True(bank.GetProperty("discrepancy").GetBoolean());
        Assert.Contains(ReliefApp.History(late), h => h.GetProperty("summary").GetString()!.Contains("after its deadline", StringComparison.Ordinal)
            && h.GetProperty("summary").GetString()!.Contains("DISCREPANCY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadAnswers_GoToThePoisonQueueWithTheReason_NothingApplied()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        await app.ActAcceptedAsync(caseId, "accept", Caseworker);
        await app.WaitForMessagesAsync<EconomicVerificationRequestMessage>(app.VerificationRequestQueue, m => m.Count(r => r.CaseId == caseId) >= 6);

        var answers = new QueueClient(app.ConnectionString, app.VerificationAnswerQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await answers.CreateIfNotExistsAsync();
        await answers.SendMessageAsync("{\"caseId\": "); // not JSON
        await answers.SendMessageAsync(QueueMessageText.Encode(new EconomicVerificationAnswerMessage(caseId + "-ev-tax", caseId, "horoscope", null, "Fine.", false), base64: false));
        await answers.SendMessageAsync(QueueMessageText.Encode(new EconomicVerificationAnswerMessage("no-such-ev-tax", "no-such-case", "tax", null, "Fine.", false), base64: false));

        var poison = await app.WaitForMessagesAsync<JsonElement>(app.VerificationAnswerQueue + "-poison", m => m.Count >= 3, seconds: 90);
        string all = string.Join("\n", poison.Select(p => p.GetProperty("error").GetString()));
        Assert.Contains("agency: must be one of tax, housing-fund", all, StringComparison.Ordinal);
        Assert.Contains("case 'no-such-case' does not exist", all, StringComparison.Ordinal);
        Assert.Contains(poison, p => p.GetProperty("reason").GetString() == "Malformed" && p.GetProperty("body").GetString() == "{\"caseId\": ");
        Assert.All(poison, p => Assert.Equal("ReceiveVerificationAnswer", p.GetProperty("functionName").GetString()));
        var status = await app.StatusAsync(caseId);
        Assert.All(Verifications(status), v => Assert.Equal("Requested", v.GetProperty("state").GetString()));
    }

    private static async Task SendAnswerAsync(ReliefApp app, string caseId, string agency, string summary, bool discrepancy = false)
    {
        var answers = new QueueClient(app.ConnectionString, app.VerificationAnswerQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await answers.SendMessageAsync(QueueMessageText.Encode(
            new EconomicVerificationAnswerMessage($"{caseId}-ev-{agency}", caseId, agency, app.Time.GetUtcNow(), summary, discrepancy), base64: false));
    }
}
