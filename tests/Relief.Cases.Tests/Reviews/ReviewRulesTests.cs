using Relief.Cases.Payments;
using Relief.Cases.Reviews;

namespace Relief.Cases.Tests.Reviews;

/// <summary>The review outcome table (DOMAIN.md § Dibao dynamic review, § Tekun) applied to the register's entitlement.</summary>
public sealed class ReviewRulesTests
{
    private static readonly DateTimeOffset At = new(2027, 3, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly DecidedOn = new(2027, 3, 10);
    private static readonly PayPeriod March = new(2027, 3);

    private static Entitlement Enrolled(string program = "dibao", decimal amount = 1100m) =>
        Entitlement.Enrol("hh-1", program, "qingdao/shinan", "case-1", 3,
            new EntitlementChange(EntitlementChangeKind.Enrolled, new PayPeriod(2026, 4), amount, null, "Approved", "case-1", At)).Entitlement!;

    private static ReviewDecision Decide(Entitlement e, Reassessment r, ReviewFindings? f = null, DateOnly? on = null) =>
        ReviewRules.Decide(e, r, f ?? new ReviewFindings { Note = "visited" }, on ?? DecidedOn, 3, "review-1", At);

    private static Entitlement Apply(Entitlement e, ReviewDecision d) => d.Change is null ? e : e.Append(d.Change).Entitlement!;

    // 57号 Art. 31: no material change → no change in benefit.
    [Fact]
    public void SameAmount_Continued_NothingAppended()
    {
        var d = Decide(Enrolled(), new Reassessment(true, 1100m, [], false));

        Assert.Equal(ReviewOutcome.Continued, d.Outcome);
        Assert.Null(d.Change);
        Assert.Contains("1100.00", d.Reason, StringComparison.Ordinal);
        Assert.Contains("57号", d.Rule, StringComparison.Ordinal);
    }

    // A changed situation → the new amount from the next month; this month stays as it was.
    [Fact]
    public void OtherAmount_AdjustedFromTheNextMonth()
    {
        var e = Enrolled();
        var d = Decide(e, new Reassessment(true, 640m, [], false));
        var after = Apply(e, d);

        Assert.Equal(ReviewOutcome.Adjusted, d.Outcome);
        Assert.Equal(1100m, after.AmountFor(March));
        Assert.Equal(640m, after.AmountFor(March.Next));
        Assert.Equal("review-1", after.Changes[^1].Reference);
    }

    // 83号 / seed 001: income above the standard because a member found work → paid for the gradual-exit months after
    // the month the income rose (here 3), then nothing.
    [Fact]
    public void MemberFoundWork_IncomeAboveStandard_GradualExitThenStop()
    {
        var e = Enrolled();
        var d = Decide(e, new Reassessment(false, 0m, ["Per-capita monthly income 1300.00 is not below the standard 1000.00."], true),
            new ReviewFindings { MemberFoundWork = true, IncomeRoseOn = new DateOnly(2027, 2, 20), Note = "son employed" });
        var after = Apply(e, d);

        Assert.Equal(ReviewOutcome.GradualExit, d.Outcome);
        Assert.Equal(new PayPeriod(2027, 5), d.Change!.Until);
        Assert.Equal(1100m, after.AmountFor(new PayPeriod(2027, 5)));
        Assert.Equal(0m, after.AmountFor(new PayPeriod(2027, 6)));
        Assert.Contains("渐退", d.Rule, StringComparison.Ordinal);
    }

    // A gradual exit whose months are already over by the decision is a termination from the next month.
    [Fact]
    public void MemberFoundWork_LongAgo_ExitPeriodOver_Terminated()
    {
        var d = Decide(Enrolled(), new Reassessment(false, 0m, ["income"], true),
            new ReviewFindings { MemberFoundWork = true, IncomeRoseOn = new DateOnly(2026, 6, 1), Note = "x" });

        Assert.Equal(ReviewOutcome.Terminated, d.Outcome);
        Assert.Equal(March.Next, d.Change!.From);
    }

    // Income above the standard without a job found (e.g. a pension) is no gradual exit: the benefit stops next month.
    [Fact]
    public void NotEligible_WithoutWork_TerminatedFromTheNextMonth()
    {
        var e = Enrolled();
        var d = Decide(e, new Reassessment(false, 0m, ["Property over the limit."], false));
        var after = Apply(e, d);

        Assert.Equal(ReviewOutcome.Terminated, d.Outcome);
        Assert.Equal(1100m, after.AmountFor(March));
        Assert.Equal(0m, after.AmountFor(March.Next));
        Assert.Contains("Property over the limit.", d.Reason, StringComparison.Ordinal);
    }

    // 43号 Art. 26: tekun termination after 7 days' notice, from the next month — a decision on the 28th stops the
    // month after next (the notice ends in the next month).
    [Theory]
    [InlineData(10, 4)]
    [InlineData(28, 5)]
    public void Tekun_Terminated_AfterSevenDaysNotice(int day, int stopMonth)
    {
        var e = Enrolled("tekun", 1500m);
        var d = Decide(e, new Reassessment(false, 0m, ["Regained the ability to work."], false), on: new DateOnly(2027, 3, day));

        Assert.Equal(new PayPeriod(2027, stopMonth), d.Change!.From);
        Assert.Contains("43号", d.Rule, StringComparison.Ordinal);
        Assert.Equal(1500m, Apply(e, d).AmountFor(new PayPeriod(2027, stopMonth - 1)));
    }

    // 83号: fraud → termination and recovery of what was paid since it began, whatever the re-assessment says.
    [Fact]
    public void Fraud_Terminated_RecoveryFromItsStart()
    {
        var d = Decide(Enrolled(), new Reassessment(true, 1100m, [], false),
            new ReviewFindings { FraudSince = new PayPeriod(2026, 12), Note = "undeclared business income" });

        Assert.Equal(ReviewOutcome.TerminatedForFraud, d.Outcome);
        Assert.Equal(EntitlementChangeKind.Terminated, d.Change!.Kind);
        Assert.Equal(new PayPeriod(2026, 12), d.RecoverFrom);
        Assert.Equal(March.Next, d.RecoverThrough); // the stop month: a payment already made for it is wrongful too
    }

    // 57号 Art. 30 / 83号: an unreported major change older than 3 months → a warning; within 3 months none.
    [Theory]
    [InlineData(2026, 11, 30, true)]
    [InlineData(2027, 1, 5, false)]
    public void UnreportedChange_WarningAfterThreeMonths(int y, int m, int d, bool warned)
    {
        var decision = Decide(Enrolled(), new Reassessment(true, 1100m, [], false),
            new ReviewFindings { UnreportedChangeSince = new DateOnly(y, m, d), Note = "x" });

        Assert.Equal(warned, decision.Warning is not null);
        Assert.Equal(ReviewOutcome.Continued, decision.Outcome);
    }
}
