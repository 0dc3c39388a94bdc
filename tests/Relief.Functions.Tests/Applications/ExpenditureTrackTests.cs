using Relief.Cases.Payments;
using Relief.Cases.Storage.Queues;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Applications;

/// <summary>End to end: the expenditure type (支出型) takes the standard procedure; one approval, paid in instalments (一次审批、分期救助).</summary>
public sealed class ExpenditureTrackTests
{
    [Fact]
    public async Task ExpenditureApplication_Approved_OneInstructionPerInstalment()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoExpenditure());
        await app.ActAcceptedAsync(caseId, "accept", new { actor = "caseworker:0042" });
        await app.WaitForDeadlineAsync(caseId, "InvestigationStart");
        await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", new { actor = "caseworker:0042", investigators = new[] { "investigator:0007", "investigator:0008" } });
        await app.WaitForDeadlineAsync(caseId, "PublicNoticeEnd");
        app.Time.Advance(TimeSpan.FromDays(8));
        await app.WaitForDeadlineAsync(caseId, "CountyDecision");
        await app.ActAcceptedAsync(caseId, "approve", new { actor = "approver:0101" });
        var approved = await app.WaitForStepAsync(caseId, "Approved");

        var payments = await app.WaitForMessagesAsync<PaymentInstructionMessage>(app.PaymentsQueue, m => m.Count(p => p.CaseId == caseId) >= 3);
        var amount = approved.GetProperty("decision").GetProperty("amount").GetDecimal();
        Assert.Equal(["instalment-1@" + caseId, "instalment-2@" + caseId, "instalment-3@" + caseId], payments.Select(p => p.Period).Order());
        Assert.Equal(amount, payments.Sum(p => p.Amount));
        Assert.All(payments, p => Assert.Equal(FundSource.Regular, p.Source));
        Assert.All(payments, p => Assert.Equal("temporary-expenditure", p.Program));
    }
}
