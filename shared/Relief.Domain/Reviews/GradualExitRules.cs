using Relief.Domain.Decisions;
using Relief.Domain.Explanations;
using Relief.Domain.Policies;

namespace Relief.Domain.Reviews;

/// <summary>
/// Gradual exit (渐退, 民发〔2022〕83号; seed 001): a household whose income rose above the
/// standard (typically a member found work) keeps its current benefit for the policy's number of
/// months after the month the rise was established; then the benefit stops.
/// </summary>
public static class GradualExitRules
{
    /// <summary>Evaluates gradual exit on <paramref name="asOf"/>.</summary>
    public static GradualExitDecision Evaluate(decimal currentMonthlyAmount, DateOnly incomeRoseOn, DateOnly asOf, PolicyParameters policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegative(currentMonthlyAmount);
        int months = policy.Dibao.GradualExitMonths;
        DateOnly roseMonth = new(incomeRoseOn.Year, incomeRoseOn.Month, 1);
        DateOnly lastPaid = roseMonth.AddMonths(months);
        DateOnly asOfMonth = new(asOf.Year, asOf.Month, 1);
        int left = Math.Max(0, MonthIndex(lastPaid) - MonthIndex(asOfMonth));
        bool paying = asOfMonth <= lastPaid;
        var e = new ExplanationBuilder();
        DecisionSupport.NotePolicy(e, policy, asOf, "dibao");
        e.Note("gradual-exit.period", "Benefit continues for the gradual-exit months after the month the income rose (渐退期)", months,
            ("incomeRoseOn", incomeRoseOn), ("months", months), ("lastPaidMonth", lastPaid), ("asOf", asOf), ("monthsLeft", left));
        decimal amount = paying ? currentMonthlyAmount : 0m;
        if (paying)
        {
            e.Add("gradual-exit.amount", "The current monthly benefit is kept during gradual exit", amount, amount, ("current", currentMonthlyAmount));
        }

        return new GradualExitDecision
        {
            Outcome = paying ? DecisionOutcome.Eligible : DecisionOutcome.Ineligible,
            Amount = amount,
            AmountKind = AmountKind.Monthly,
            Reasons = paying ? [] : ["The gradual-exit period has ended; the benefit stops."],
            Explanation = e.Build(),
            LastPaidMonth = lastPaid,
            MonthsLeft = left,
        };
    }

    private static int MonthIndex(DateOnly month) => (month.Year * 12) + month.Month;
}
