using System.Text.Json;
using Relief.Cases.Assessment;
using Relief.Cases.Intake;
using Relief.Cases.Payments;
using Relief.Cases.Storage.Queues;
using Relief.Domain.Calendar;
using Relief.Domain.Policies.Loading;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Applications;

/// <summary>End to end through HTTP: the standard track (dibao) from application to approval, on a fake clock.</summary>
public sealed class StandardTrackTests
{
    private static readonly object Caseworker = new { actor = "caseworker:0042" };
    private static readonly object Investigators = new { actor = "caseworker:0042", investigators = new[] { "investigator:0007", "investigator:0008" }, note = "Home visit done; household as declared." };
    private static readonly object Approver = new { actor = "approver:0101", note = "Approved by the civil affairs bureau." };

    [Fact]
    public async Task QingdaoDibao_WholeStandardTrack_ApprovedWithinTwentyWorkingDaysAndFirstMonthInstructed()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        await app.WaitForStatusAsync(caseId, s => ReliefApp.History(s).Any(), "the application's audit record");

        await app.ActAcceptedAsync(caseId, "accept", Caseworker);
        await app.WaitForDeadlineAsync(caseId, "InvestigationStart");
        app.Time.Advance(TimeSpan.FromDays(1));
        await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", Investigators);
        await app.WaitForDeadlineAsync(caseId, "PublicNoticeEnd");
        app.Time.Advance(TimeSpan.FromDays(8));
        await app.WaitForDeadlineAsync(caseId, "CountyDecision");
        await app.ActAcceptedAsync(caseId, "approve", Approver);
        var status = await app.WaitForStepAsync(caseId, "Approved");

        // The amount is the policy engine's: Qingdao Shinan, 3 members, 900 income → (700 − 300) × 3 = 1,200 a month.
        var catalog = await PolicyFileLoader.LoadShippedAsync(CancellationToken.None);
        var valid = ApplicationValidator.Validate(TestApplications.QingdaoDibao(), ChinaStandardTime.DateOf(ReliefApp.Start), catalog);
        decimal engine = new CaseAssessor(catalog).Assess(AssessmentInput.From(valid.Value!), ChinaStandardTime.DateOf(ReliefApp.Start)).Amount;
        Assert.Equal(1200m, engine);
        Assert.Equal(engine, status.GetProperty("decision").GetProperty("amount").GetDecimal());
        Assert.NotEmpty(status.GetProperty("decision").GetProperty("explanation").EnumerateArray());
        Assert.Equal("dibao", status.GetProperty("program").GetString());

        // Every deadline with its date; approval before the overall limit (20 working days in Qingdao).
        var deadlines = ReliefApp.Deadlines(status).ToDictionary(d => d.GetProperty("kind").GetString()!);
        Assert.Contains("InvestigationStart", deadlines.Keys);
        Assert.Contains("PublicNoticeEnd", deadlines.Keys);
        Assert.Contains("CountyDecision", deadlines.Keys);
        Assert.Contains("20 working days", deadlines["Overall"].GetProperty("basis").GetString());
        Assert.Equal("2026-03-30", deadlines["Overall"].GetProperty("dueDate").GetString());
        Assert.All(deadlines.Values, d => Assert.False(d.GetProperty("running").GetBoolean()));

        // Every step with who and when.
        var steps = ReliefApp.History(status).Where(h => h.GetProperty("kind").GetString() == "StepChanged")
            .Select(h => (Summary: h.GetProperty("summary").GetString()!, Actor: h.GetProperty("actor").GetString()!, At: h.GetProperty("at").GetDateTimeOffset())).ToArray();
        Assert.Equal(
            ["Step Submitted → Investigation.", "Step Investigation → Assessment.", "Step Assessment → PublicNotice.", "Step PublicNotice → AwaitingDecision.", "Step AwaitingDecision → Approved."],
            steps.Select(s => s.Summary));
        Assert.Equal(["caseworker:0042", "caseworker:0042", "system", "system", "approver:0101"], steps.Select(s => s.Actor));
        Assert.True(steps[^1].At <= deadlines["Overall"].GetProperty("expiresAt").GetDateTimeOffset());
        Assert.DoesNotContain(ReliefApp.History(status), h => h.GetProperty("kind").GetString() == "Escalation");

        // The first month's payment instruction: the month after approval (approved in March 2026 → 2026-04).
        var payments = await app.WaitForMessagesAsync<PaymentInstructionMessage>(app.PaymentsQueue, m => m.Any(p => p.CaseId == caseId));
        var payment = Assert.Single(payments, p => p.CaseId == caseId);
        Assert.Equal("2026-04", payment.Period);
        Assert.Equal(1200m, payment.Amount);
        Assert.Equal("dibao", payment.Program);
        Assert.Equal(FundSource.Regular, payment.Source);
        Assert.Equal($"{payment.BeneficiaryId}|dibao|2026-04", payment.IdempotencyKey);
        Assert.DoesNotContain(TestApplications.ApplicantId, payment.BeneficiaryId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IneligibleHousehold_RefusalProposedThenRejected_WrittenReasonsAndNoPayment()
    {
        await using var app = await ReliefApp.StartAsync();
        var rich = TestApplications.QingdaoDibao() with { Incomes = [new Relief.Cases.Intake.IncomeRequest { Kind = "wages", MonthlyAmount = 9000m, MemberResidentId = TestApplications.ApplicantId }] };
        var caseId = await app.SubmitAsync(rich);
        await app.ActAcceptedAsync(caseId, "accept", Caseworker);
        await app.WaitForDeadlineAsync(caseId, "InvestigationStart");
        await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", Investigators);
        var awaiting = await app.WaitForDeadlineAsync(caseId, "CountyDecision");

        Assert.Equal("AwaitingDecision", awaiting.GetProperty("step").GetString()); // a proposed refusal skips the notice
        Assert.Equal("Ineligible", awaiting.GetProperty("decision").GetProperty("outcome").GetString());
        var refused = await app.ActAsync(caseId, "reject", new { actor = "approver:0101" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        await app.ActAcceptedAsync(caseId, "reject", new { actor = "approver:0101", reasons = new[] { "Per-capita income 3,000 yuan is above the standard of 700 yuan." } });
        var status = await app.WaitForStepAsync(caseId, "Refused");

        Assert.Contains(ReliefApp.History(status), h => h.GetProperty("kind").GetString() == "Decision" && h.GetProperty("actor").GetString() == "approver:0101"
            && h.GetProperty("summary").GetString()!.Contains("above the standard", StringComparison.Ordinal));
        Assert.Equal(0m, status.GetProperty("decision").GetProperty("amount").GetDecimal());
        var afterEnd = await app.ActAsync(caseId, "approve", new { actor = "approver:0101" });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, afterEnd.StatusCode);
    }
}
