using Relief.Cases.Payments;

namespace Relief.Cases.Tests.Payments;

public sealed class PaymentInstructionTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void IdempotencyKey_SameBeneficiaryProgramPeriod_IsEqualWhateverElseDiffers()
    {
        var first = new PaymentInstruction("hh-1", "case-1", "dibao", "2026-04", 1200m, FundSource.Regular, Created);
        var retry = first with { CaseId = "case-9", Amount = 1200.00m, CreatedAt = Created.AddHours(3) };

        Assert.Equal(first.IdempotencyKey, retry.IdempotencyKey);
    }

    [Fact]
    public void IdempotencyKey_DifferentMonth_Differs()
    {
        var april = new PaymentInstruction("hh-1", "case-1", "dibao", PaymentInstruction.MonthPeriod(2026, 4), 1200m, FundSource.Regular, Created);
        var may = april with { Period = PaymentInstruction.MonthPeriod(2026, 5) };

        Assert.NotEqual(april.IdempotencyKey, may.IdempotencyKey);
        Assert.Equal("2026-05", may.Period);
    }
}
