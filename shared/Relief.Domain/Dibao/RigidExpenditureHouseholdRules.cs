using Relief.Domain.Decisions;
using Relief.Domain.Explanations;
using Relief.Domain.Households;
using Relief.Domain.Income;
using Relief.Domain.Money;
using Relief.Domain.Policies;

namespace Relief.Domain.Dibao;

/// <summary>
/// Rigid-expenditure household (刚性支出困难家庭, from 2025-01-01): not dibao, tekun or marginal;
/// per-capita income below last year's local per-capita disposable income; 12-month rigid spending
/// above the policy's ratio of 12-month household income. Valid for the policy's months.
/// </summary>
public static class RigidExpenditureHouseholdRules
{
    /// <summary>Decides; <paramref name="receivesTekun"/> says whether a member is already in tekun support.</summary>
    public static RecognitionDecision Decide(Household household, PolicyParameters policy, DateOnly date, bool receivesTekun)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(policy);
        var e = new ExplanationBuilder();
        DecisionSupport.NotePolicy(e, policy, date, "dibao", "rigidExpenditureHousehold");
        if (policy.RigidExpenditureHousehold is not { } rule || date < rule.EffectiveFrom)
        {
            e.Note("rigid-household.not-in-force", "The jurisdiction has no rigid-expenditure household rule in force on the date");
            return new RecognitionDecision { Outcome = DecisionOutcome.NoRuleInForce, Amount = 0m, AmountKind = AmountKind.None, Reasons = ["No rigid-expenditure household rule is in force on this date."], Explanation = e.Build() };
        }

        var reasons = new List<string>();
        if (household.CountedMembers.Count == 0)
        {
            reasons.Add("The household has no counted member.");
            return Result(e, null, reasons);
        }

        if (receivesTekun)
        {
            reasons.Add("A member already receives tekun support.");
        }

        DibaoDecision dibao = DibaoRules.Decide(household, policy, date);
        RecognitionDecision marginal = MarginalHouseholdRules.Decide(household, policy, date);
        IncomeAssessment income = dibao.Income ?? IncomeAssessor.Assess(household, policy);
        e.AddRange(income.Steps);
        e.Note("rigid-household.not-dibao-or-marginal", "The household is neither eligible for dibao nor marginal", null,
            ("dibao", dibao.Outcome), ("marginal", marginal.Outcome));
        if (dibao.IsEligible)
        {
            reasons.Add("The household is eligible for dibao.");
        }

        if (marginal.IsEligible)
        {
            reasons.Add("The household is a marginal household.");
        }

        decimal yearlyPerCapita = income.PerCapitaMonthlyIncome * 12m;
        e.Note("rigid-household.income", "Per-capita income over 12 months must be below last year's local per-capita disposable income (上年度人均可支配收入)", yearlyPerCapita,
            ("perCapitaMonthlyIncome", income.PerCapitaMonthlyIncome), ("limit", rule.PerCapitaDisposableIncomeLastYear));
        if (yearlyPerCapita >= rule.PerCapitaDisposableIncomeLastYear)
        {
            reasons.Add($"Yearly per-capita income {yearlyPerCapita:0.00} is not below {rule.PerCapitaDisposableIncomeLastYear:0.00}.");
        }

        decimal spending = household.RigidExpenditures.Sum(x => x.MonthlyAmount) * 12m;
        decimal incomeYear = income.GrossCountedMonthlyIncome * 12m;
        decimal limit = MoneyRounding.ToFen(rule.ExpenditureToIncomeRatio * incomeYear);
        e.Note("rigid-household.spending", "12-month rigid spending must exceed the local ratio of 12-month household income (刚性支出超过家庭收入的比例)", spending,
            ("spending12Months", spending), ("income12Months", incomeYear), ("ratio", rule.ExpenditureToIncomeRatio), ("limit", limit));
        if (spending <= limit)
        {
            reasons.Add($"Rigid spending {spending:0.00} over 12 months does not exceed {limit:0.00}.");
        }

        return Result(e, date.AddMonths(rule.ValidityMonths).AddDays(-1), reasons);
    }

    private static RecognitionDecision Result(ExplanationBuilder e, DateOnly? validUntil, List<string> reasons) => new()
    {
        Outcome = reasons.Count == 0 ? DecisionOutcome.Eligible : DecisionOutcome.Ineligible,
        Amount = 0m,
        AmountKind = AmountKind.None,
        Reasons = reasons,
        Explanation = e.Build(),
        ValidUntil = reasons.Count == 0 ? validUntil : null,
    };
}
