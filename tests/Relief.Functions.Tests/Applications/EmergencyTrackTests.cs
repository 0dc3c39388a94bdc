using Relief.Cases.Payments;
using Relief.Cases.Storage.Queues;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Applications;

/// <summary>End to end: the emergency track (急难型) — advance relief paid within 24 hours, then paperwork, post-hoc notice, decision.</summary>
public sealed class EmergencyTrackTests
{
    [Fact]
    public async Task EmergencyApplication_AdvancePaymentWithin24HoursThenPaperworkNoticeAndApproval()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoEmergency());

        // No action needed: the advance relief is decided and instructed at once, on the fake clock that has not moved.
        var payments = await app.WaitForMessagesAsync<PaymentInstructionMessage>(app.PaymentsQueue, m => m.Any(p => p.CaseId == caseId));
        var advance = Assert.Single(payments);
        Assert.Equal(FundSource.TownshipReserveFund, advance.Source);
        Assert.Equal("advance@" + caseId, advance.Period);
        Assert.Equal("temporary-emergency", advance.Program);
        Assert.Equal(800m, advance.Amount); // within Qingdao's small-advance limit of 1,000
        Assert.True(advance.CreatedAt <= ReliefApp.Start.AddHours(24));

        var paperwork = await app.WaitForDeadlineAsync(caseId, "InvestigationStart");
        Assert.Equal("Paperwork", paperwork.GetProperty("step").GetString());
        var relief = ReliefApp.Deadlines(paperwork).Single(d => d.GetProperty("kind").GetString() == "AdvanceRelief");
        Assert.Equal(ReliefApp.Start.AddHours(24), relief.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.False(relief.GetProperty("running").GetBoolean());
        Assert.Contains(ReliefApp.History(paperwork), h => h.GetProperty("kind").GetString() == "PaymentInstructed"
            && h.GetProperty("at").GetDateTimeOffset() <= ReliefApp.Start.AddHours(24));

        app.Time.Advance(TimeSpan.FromDays(1));
        await app.ActAcceptedAsync(caseId, "investigation", new { actor = "caseworker:0042", investigators = new[] { "investigator:0007", "investigator:0008" }, note = "Fire report filed." });
        await app.WaitForDeadlineAsync(caseId, "PublicNoticeEnd");
        Assert.Equal("PostHocNotice", (await app.StatusAsync(caseId)).GetProperty("step").GetString());
        app.Time.Advance(TimeSpan.FromDays(8));
        await app.WaitForDeadlineAsync(caseId, "CountyDecision");
        await app.ActAcceptedAsync(caseId, "approve", new { actor = "approver:0101" });
        var approved = await app.WaitForStepAsync(caseId, "Approved");

        Assert.Equal(800m, approved.GetProperty("decision").GetProperty("amount").GetDecimal());
        var steps = ReliefApp.History(approved).Where(h => h.GetProperty("kind").GetString() == "StepChanged").Select(h => h.GetProperty("summary").GetString()!).ToArray();
        Assert.Equal(["Step Submitted → Paperwork.", "Step Paperwork → PostHocNotice.", "Step PostHocNotice → AwaitingDecision.", "Step AwaitingDecision → Approved."], steps);
        // The advance covered the whole grant: no balance instruction.
        await Task.Delay(300);
        Assert.Single(await app.WaitForMessagesAsync<PaymentInstructionMessage>(app.PaymentsQueue, m => m.Count >= 1), p => p.CaseId == caseId);
    }

    [Fact]
    public async Task EmergencyCase_HardshipLasts_ReferredToDibao_LinkedNewCaseOnTheStandardTrack_RetrySameCase()
    {
        await using var app = await ReliefApp.StartAsync();
        var emergency = await app.SubmitAsync(TestApplications.QingdaoEmergency());
        await app.WaitForDeadlineAsync(emergency, "InvestigationStart");

        var noConsent = await app.ActAsync(emergency, "referrals", new { actor = "caseworker:0042", program = "medical" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, noConsent.StatusCode);
        string problems = await noConsent.Content.ReadAsStringAsync();
        Assert.Contains("program", problems, StringComparison.Ordinal);
        Assert.Contains("consentToEconomicVerification", problems, StringComparison.Ordinal);

        var referral = new { actor = "caseworker:0042", program = "dibao", consentToEconomicVerification = true, note = "Income lost for the coming months." };
        var first = await app.ActAcceptedAsync(emergency, "referrals", referral);
        var retry = await app.ActAcceptedAsync(emergency, "referrals", referral);
        string dibao = first.GetProperty("caseId").GetString()!;
        Assert.Equal(dibao, retry.GetProperty("caseId").GetString());
        Assert.NotEqual(emergency, dibao);

        // The new case runs the standard track: acceptance, then economic verification requests.
        var accepted = await app.ActAcceptedAsync(dibao, "accept", new { actor = "caseworker:0042" });
        Assert.Equal("Investigation", accepted.GetProperty("nextStep").GetString());
        var requests = await app.AnswerVerificationsAsync(dibao);
        Assert.Equal(6, requests.Count);
        var referred = await app.StatusAsync(dibao);
        Assert.Equal("dibao", referred.GetProperty("program").GetString());
        var from = Assert.Single(referred.GetProperty("links").EnumerateArray());
        Assert.Equal("ReferredFrom", from.GetProperty("kind").GetString());
        Assert.Equal(emergency, from.GetProperty("caseId").GetString());

        var source = await app.WaitForStatusAsync(emergency, s => ReliefApp.History(s).Any(h => h.GetProperty("summary").GetString()!.StartsWith("Referred (转诊) to dibao", StringComparison.Ordinal)), "the referral on the emergency case");
        var to = Assert.Single(source.GetProperty("links").EnumerateArray());
        Assert.Equal("ReferredTo", to.GetProperty("kind").GetString());
        Assert.Equal(dibao, to.GetProperty("caseId").GetString());
        Assert.Single(ReliefApp.History(source), h => h.GetProperty("summary").GetString()!.StartsWith("Referred (转诊)", StringComparison.Ordinal));

        // Only emergency cases are referred on.
        var notEmergency = await app.ActAsync(dibao, "referrals", referral);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, notEmergency.StatusCode);
    }
}
