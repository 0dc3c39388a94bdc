using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Records;
using Relief.Cases.Verification;

namespace Relief.Cases.Tests.Verification;

public sealed class VerificationRecordTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static CaseRecord Case() => new()
    {
        CaseId = "c1",
        Program = AssistanceProgram.Dibao,
        Jurisdiction = "qingdao/shinan",
        Step = CaseStep.Investigation,
        CreatedAt = At,
        UpdatedAt = At,
    };

    private static IEnumerable<VerificationRecord> Requests() =>
        VerificationAgencies.All.Select(a => new VerificationRecord(a, VerificationRecord.RequestIdOf("c1", a), VerificationState.Requested, At, At.AddDays(7)));

    [Fact]
    public void WithVerifications_Retried_AddsEachAgencyOnce()
    {
        var record = Case().WithVerifications(Requests());

        Assert.Same(record, record.WithVerifications(Requests()));
        Assert.Equal(6, record.Verifications.Count);
        Assert.Equal("c1-ev-housing-fund", record.Verifications.Single(v => v.Agency == VerificationAgency.HousingFund).RequestId);
    }

    [Fact]
    public void ApplyVerification_AnswerThenRepeat_SecondIsRejected()
    {
        var record = Case().WithVerifications(Requests());

        var answered = record.ApplyVerification(VerificationAgency.Tax, VerificationTrigger.Answer, At.AddDays(1), "matches", discrepancy: false);

        Assert.NotNull(answered);
        var tax = answered.Verifications.Single(v => v.Agency == VerificationAgency.Tax);
        Assert.Equal(VerificationState.Answered, tax.State);
        Assert.Equal(At.AddDays(1), tax.AnsweredAt);
        Assert.Null(answered.ApplyVerification(VerificationAgency.Tax, VerificationTrigger.Answer, At.AddDays(2), "again"));
        Assert.Null(answered.ApplyVerification(VerificationAgency.Tax, VerificationTrigger.DeadlinePassed, At.AddDays(9)));
    }

    [Fact]
    public void ApplyVerification_OverdueThenAnswered_IsAnsweredLateAndKeepsTheFinding()
    {
        var record = Case().WithVerifications(Requests());

        var overdue = record.ApplyVerification(VerificationAgency.Bank, VerificationTrigger.DeadlinePassed, At.AddDays(8))!;
        var late = overdue.ApplyVerification(VerificationAgency.Bank, VerificationTrigger.Answer, At.AddDays(10), "deposits 80,000", discrepancy: true)!;

        var bank = late.Verifications.Single(v => v.Agency == VerificationAgency.Bank);
        Assert.Equal(VerificationState.AnsweredLate, bank.State);
        Assert.True(bank.Discrepancy);
        Assert.Equal("deposits 80,000", bank.Summary);
        Assert.True(VerificationTransitions.IsAnswered(bank.State));
    }

    [Fact]
    public void ApplyVerification_UnknownAgencyRequest_IsRejected()
    {
        Assert.Null(Case().ApplyVerification(VerificationAgency.Tax, VerificationTrigger.Answer, At, "x"));
    }

    [Theory]
    [InlineData("tax", VerificationAgency.Tax)]
    [InlineData("HOUSING-FUND", VerificationAgency.HousingFund)]
    [InlineData(" real-estate ", VerificationAgency.RealEstate)]
    public void TryParse_Codes_RoundTrip(string code, VerificationAgency expected)
    {
        Assert.True(VerificationAgencies.TryParse(code, out var agency));
        Assert.Equal(expected, agency);
        Assert.True(VerificationAgencies.TryParse(agency.ToCode(), out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("HousingFund")]
    [InlineData("police")]
    public void TryParse_Unknown_IsFalse(string? code) => Assert.False(VerificationAgencies.TryParse(code, out _));
}
