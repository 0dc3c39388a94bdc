using System.Globalization;
using Relief.Cases.Payments;
using Relief.Domain.Reviews;

namespace Relief.Cases.Reviews;

/// <summary>
/// The outcome of a review (动态管理, 57号 Art. 30–31; 民发〔2022〕83号; 43号 Art. 24–26), from the re-assessment and the
/// findings, as one explicit table:
/// <list type="table">
/// <item><term>fraud found</term><description>terminated from the month after the notice; payments for the months from
/// the fraud's start through the stop month are claimed back (骗取 → 终止并追回).</description></item>
/// <item><term>still eligible, same amount</term><description>continued, amount unchanged (无实质变化).</description></item>
/// <item><term>still eligible, other amount</term><description>adjusted from the next month (调整).</description></item>
/// <item><term>not eligible, income at or above the standard, a member found work (dibao)</term><description>gradual exit:
/// paid through the policy's months after the month the income rose, then stopped (渐退).</description></item>
/// <item><term>not eligible otherwise</term><description>terminated from the month after the notice (终止): tekun 7 days'
/// notice (43号 Art. 26), dibao from the next month (57号 Art. 31).</description></item>
/// </list>
/// Any outcome: a major change left unreported for more than 3 months adds a warning (83号). Pure.
/// </summary>
public static class ReviewRules
{
    /// <summary>Days of notice before a tekun termination takes effect (告知7日, 43号 Art. 26).</summary>
    public const int TekunNoticeDays = 7;

    /// <summary>Months after which an unreported major change earns a warning (超过3个月未报告).</summary>
    public const int UnreportedMonthsBeforeWarning = 3;

    /// <summary>Decides a review of <paramref name="entitlement"/> on <paramref name="decidedOn"/>.</summary>
    /// <param name="entitlement">The household's entitlement as registered.</param>
    /// <param name="reassessment">The policy engine's answer for the household as found.</param>
    /// <param name="findings">What the caseworker found.</param>
    /// <param name="decidedOn">The decision date (China).</param>
    /// <param name="gradualExitMonths">The jurisdiction's gradual-exit months (渐退期; Qingdao 3–6, national cap 6).</param>
    /// <param name="reference">The review id (recorded on the change).</param>
    /// <param name="recordedAt">When recorded.</param>
    public static ReviewDecision Decide(Entitlement entitlement, Reassessment reassessment, ReviewFindings findings, DateOnly decidedOn,
        int gradualExitMonths, string reference, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        ArgumentNullException.ThrowIfNull(reassessment);
        ArgumentNullException.ThrowIfNull(findings);
        PayPeriod thisMonth = PayPeriod.Of(decidedOn);
        PayPeriod next = thisMonth.Next;
        decimal current = entitlement.AmountFor(thisMonth) is > 0m and var now ? now : LastAmount(entitlement);
        string? warning = Warning(findings, decidedOn);
        string note = findings.Note.Trim();

        if (findings.FraudSince is { } since)
        {
            PayPeriod stop = StopMonth(entitlement.Program, decidedOn);
            // Every payment for a month from the fraud's start up to the stop month is claimed: one already made for the
            // stop month (paid ahead) was wrongful too; months with no payment add nothing.
            string reason = Text($"Benefits obtained by fraud since {since} (骗取): terminated from {stop}; payments for {since} through {stop} are claimed back. {note}");
            return new ReviewDecision(ReviewOutcome.TerminatedForFraud, reason, "民发〔2022〕83号: fraud → termination and recovery (终止并追回)",
                Change(EntitlementChangeKind.Terminated, stop, null, null, reason), warning, since, stop);
        }

        if (reassessment.Eligible)
        {
            if (reassessment.MonthlyAmount == current)
            {
                string same = Text($"No material change (无实质变化): {current:0.00} yuan a month continues. {note}");
                return new ReviewDecision(ReviewOutcome.Continued, same, "57号 Art. 31: no material change → benefit unchanged", null, warning, null, null);
            }

            string changed = Text($"The household's situation changed: {reassessment.MonthlyAmount:0.00} yuan a month from {next} (was {current:0.00}). {note}");
            return new ReviewDecision(ReviewOutcome.Adjusted, changed, "57号 Art. 31: changed circumstances → amount adjusted from the next month",
                Change(EntitlementChangeKind.Adjusted, next, reassessment.MonthlyAmount, null, changed), warning, null, null);
        }

        string why = string.Join("; ", reassessment.Reasons);
        if (entitlement.Program == "dibao" && reassessment.IncomeAboveStandard && findings.MemberFoundWork)
        {
            PayPeriod lastPaid = PayPeriod.Of(findings.IncomeRoseOn ?? decidedOn);
            for (int i = 0; i < gradualExitMonths; i++) lastPaid = lastPaid.Next;
            if (lastPaid >= next)
            {
                string exit = Text($"Income rose above the standard because a member found work (就业增收): {current:0.00} yuan a month continues through {lastPaid} ({gradualExitMonths} months' gradual exit), then stops. {why}. {note}");
                return new ReviewDecision(ReviewOutcome.GradualExit, exit, Text($"民发〔2022〕83号 渐退: up to 6 months; this jurisdiction {gradualExitMonths}"),
                    Change(EntitlementChangeKind.GradualExit, next, null, lastPaid, exit), warning, null, null);
            }
        }

        PayPeriod stopMonth = StopMonth(entitlement.Program, decidedOn);
        string ended = Text($"No longer eligible (不再符合条件): {why}. Payments stop from {stopMonth}{(entitlement.Program == "tekun" ? Text($", after {TekunNoticeDays} days' notice") : string.Empty)}. {note}");
        string rule = entitlement.Program == "tekun"
            ? "民发〔2021〕43号 Art. 24, 26: termination after 7 days' notice, from the next month"
            : "57号 Art. 31: no longer eligible → benefit stops from the next month";
        return new ReviewDecision(ReviewOutcome.Terminated, ended, rule, Change(EntitlementChangeKind.Terminated, stopMonth, null, null, ended), warning, null, null);

        EntitlementChange Change(EntitlementChangeKind kind, PayPeriod from, decimal? amount, PayPeriod? until, string reason) =>
            new(kind, from, amount, until, Shorten(reason), reference, recordedAt);
    }

    /// <summary>The first month not paid after a termination decided on <paramref name="decidedOn"/>: the month after
    /// the decision, or for tekun the month after its 7-day notice ends.</summary>
    public static PayPeriod StopMonth(string program, DateOnly decidedOn) =>
        PayPeriod.Of(program == "tekun" ? decidedOn.AddDays(TekunNoticeDays) : decidedOn).Next;

    /// <summary>The next review date after one completed on <paramref name="reviewedOn"/> (the cadence's months).</summary>
    public static DateOnly NextReview(ReviewSchedule cadence, DateOnly reviewedOn) =>
        reviewedOn.AddMonths((cadence ?? throw new ArgumentNullException(nameof(cadence))).Months);

    private static string? Warning(ReviewFindings findings, DateOnly decidedOn) =>
        findings.UnreportedChangeSince is { } since && since.AddMonths(UnreportedMonthsBeforeWarning) < decidedOn
            ? Text($"Warning (警示): a major change since {since:yyyy-MM-dd} was not reported for more than {UnreportedMonthsBeforeWarning} months (57号 Art. 30; 83号).")
            : null;

    private static decimal LastAmount(Entitlement entitlement) =>
        entitlement.Changes.LastOrDefault(c => c.MonthlyAmount is not null)?.MonthlyAmount ?? 0m;

    private static string Shorten(string text) => text.Length <= 1000 ? text : text[..1000];

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture).Trim();
}
