using Relief.Cases.Payments;

namespace Relief.Cases.Tests.Payments;

public sealed class EntitlementTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly PayPeriod Feb = new(2026, 2);

    private static Entitlement Enrolled(decimal amount = 1100m, PayPeriod? from = null) =>
        Entitlement.Enrol("hh-1", "dibao", "qingdao/shinan", "case-1", 3, Change(EntitlementChangeKind.Enrolled, from ?? Feb, amount)).Entitlement!;

    private static EntitlementChange Change(EntitlementChangeKind kind, PayPeriod from, decimal? amount = null, PayPeriod? until = null) =>
        new(kind, from, amount, until, "test", "case-1", At);

    // DOMAIN.md § Money after the decision: paid monthly from the month after approval, the amount of a month is the
    // one in force that month; adjustments, gradual exit and terminations apply from the month they name.
    [Fact]
    public void AmountFor_ThreeMonths_AdjustmentFromTheNextMonth()
    {
        var entitlement = Enrolled().Append(Change(EntitlementChangeKind.Adjusted, Feb.Next, 800m)).Entitlement!;

        Assert.Equal(0m, entitlement.AmountFor(new PayPeriod(2026, 1)));
        Assert.Equal(1100m, entitlement.AmountFor(Feb));
        Assert.Equal(800m, entitlement.AmountFor(Feb.Next));
        Assert.Equal(800m, entitlement.AmountFor(Feb.Next.Next));
        Assert.Equal(2, entitlement.Changes.Count);
    }

    [Fact]
    public void AmountFor_GradualExit_PaidThroughItsLastMonthThenNothing()
    {
        var entitlement = Enrolled().Append(Change(EntitlementChangeKind.GradualExit, new PayPeriod(2026, 3), until: new PayPeriod(2026, 5))).Entitlement!;

        Assert.Equal(1100m, entitlement.AmountFor(new PayPeriod(2026, 5)));
        Assert.Equal(0m, entitlement.AmountFor(new PayPeriod(2026, 6)));
        Assert.Equal(EntitlementState.Ended, entitlement.StateAt(new PayPeriod(2026, 6)));
    }

    [Fact]
    public void AmountFor_Terminated_StopsFromItsMonth_AndNothingMayFollow()
    {
        var entitlement = Enrolled().Append(Change(EntitlementChangeKind.Terminated, new PayPeriod(2026, 4))).Entitlement!;

        Assert.Equal(1100m, entitlement.AmountFor(new PayPeriod(2026, 3)));
        Assert.Equal(0m, entitlement.AmountFor(new PayPeriod(2026, 4)));
        var after = entitlement.Append(Change(EntitlementChangeKind.Adjusted, new PayPeriod(2026, 6), 500m));
        Assert.False(after.Applied);
        Assert.Contains("terminated", after.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AmountFor_SuspendedThenResumed_AdjustmentWhileSuspendedAppliesOnResumption()
    {
        var entitlement = Enrolled()
            .Append(Change(EntitlementChangeKind.Suspended, new PayPeriod(2026, 3))).Entitlement!
            .Append(Change(EntitlementChangeKind.Adjusted, new PayPeriod(2026, 4), 900m)).Entitlement!
            .Append(Change(EntitlementChangeKind.Resumed, new PayPeriod(2026, 5))).Entitlement!;

        Assert.Equal(0m, entitlement.AmountFor(new PayPeriod(2026, 3)));
        Assert.Equal(0m, entitlement.AmountFor(new PayPeriod(2026, 4)));
        Assert.Equal(900m, entitlement.AmountFor(new PayPeriod(2026, 5)));
    }

    [Fact]
    public void Append_ChangeBeforeTheLastOne_Refused_HistoryIsNotRewritten()
    {
        var entitlement = Enrolled().Append(Change(EntitlementChangeKind.Adjusted, new PayPeriod(2026, 5), 900m)).Entitlement!;

        var earlier = entitlement.Append(Change(EntitlementChangeKind.Adjusted, new PayPeriod(2026, 4), 700m));

        Assert.False(earlier.Applied);
        Assert.Contains("2026-04", earlier.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.001)]
    [InlineData(2_000_000)]
    public void Enrol_AmountNotPositiveOrNotToTheFenOrAbsurd_Refused(decimal amount)
    {
        var result = Entitlement.Enrol("hh-1", "dibao", "qingdao/shinan", "case-1", 3, Change(EntitlementChangeKind.Enrolled, Feb, amount));

        Assert.False(result.Applied);
        Assert.Contains("to the fen", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_ResumeWithoutSuspension_Refused()
    {
        Assert.False(Enrolled().Append(Change(EntitlementChangeKind.Resumed, new PayPeriod(2026, 3))).Applied);
    }

    [Theory]
    [InlineData("2026-02", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-2", false)]
    [InlineData("1999-12", false)]
    [InlineData("advance@case-1", false)]
    public void PayPeriod_TryParse(string text, bool valid)
    {
        Assert.Equal(valid, PayPeriod.TryParse(text, out var period));
        if (valid) Assert.Equal(text, period.ToString());
    }
}
