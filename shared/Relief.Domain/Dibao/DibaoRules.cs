using Relief.Domain.Decisions;
using Relief.Domain.Explanations;
using Relief.Domain.Households;
using Relief.Domain.Income;
using Relief.Domain.Money;
using Relief.Domain.Policies;

namespace Relief.Domain.Dibao;

/// <summary>
/// Dibao eligibility and amount (最低生活保障, 社会救助暂行办法 Art. 10; 57号 Art. 23): per-capita
/// income below the standard and property within limits; amount by difference or by tier.
/// Pure: the policy is passed in.
/// </summary>
public static class DibaoRules
{
    /// <summary>Decides for a household under a policy.</summary>
    public static DibaoDecision Decide(Household household, PolicyParameters policy, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(policy);
        var e = new ExplanationBuilder();
        DecisionSupport.NotePolicy(e, policy, date, "minimumWage", "dibao");
        if (household.CountedMembers.Count == 0)
        {
            return Refuse(e, 0m, null, "The household has no counted member.");
        }

        IncomeAssessment income = IncomeAssessor.Assess(household, policy);
        e.AddRange(income.Steps);
        decimal standard = policy.Dibao.StandardFor(household.Registration);
        e.Note("dibao.standard", $"Dibao standard for {household.Registration} registration (低保标准): {policy.Dibao.StandardBasis}", standard,
            ("registration", household.Registration), ("standard", standard));

        var reasons = new List<string>(PropertyCheck.Check(household, income.Members, standard, policy, e));
        e.Note("dibao.income-below-standard", "Per-capita income must be below the standard (人均收入低于低保标准)", income.PerCapitaMonthlyIncome,
            ("perCapitaIncome", income.PerCapitaMonthlyIncome), ("standard", standard));
        if (income.ExactPerCapitaMonthlyIncome >= standard)
        {
            reasons.Add($"Per-capita monthly income {income.PerCapitaMonthlyIncome:0.00} is not below the standard {standard:0.00}.");
        }

        if (reasons.Count > 0)
        {
            return Refuse(e, standard, income, reasons.ToArray());
        }

        if (policy.Dibao.BenefitMode == BenefitMode.Difference)
        {
            // Exact, rounded to the fen once at the end: standard × members − counted household income. The
            // per-capita figure is shown, never fed back rounded (3 members, 700, income 1,000 → 1,100.00, not 1,100.01).
            decimal exact = standard * income.Members - income.CountedMonthlyIncome;
            decimal amount = MoneyRounding.ToFenNotNegative(exact);
            e.Add("dibao.difference", "Monthly dibao = (standard − per-capita income) × members (补差发放), computed as standard × members − household income", amount, amount,
                ("standard", standard), ("perCapitaIncome", income.PerCapitaMonthlyIncome), ("members", income.Members), ("householdIncome", income.CountedMonthlyIncome));
            amount = WorkRefusalRule.Apply(e, amount, Math.Max(exact, 0m), income.Members, WorkRefusalRule.MembersLosingTheirShare(household));
            return Grant(e, standard, income, amount, null, date);
        }

        decimal share = income.ExactPerCapitaMonthlyIncome / standard;
        DibaoTier tier = policy.Dibao.Tiers.First(t => share < t.IncomeBelowShareOfStandard);
        decimal perPerson = MoneyRounding.ToFen(tier.BenefitShareOfStandard * standard);
        decimal total = MoneyRounding.ToFenNotNegative(perPerson * income.Members);
        e.Add("dibao.tier", $"Tier {tier.Name} (分档): income below {tier.IncomeBelowShareOfStandard:0.##} × standard pays {tier.BenefitShareOfStandard:0.##} × standard per member", total, total,
            ("perCapitaIncome", income.PerCapitaMonthlyIncome), ("standard", standard), ("tierShare", tier.BenefitShareOfStandard), ("perMember", perPerson), ("members", income.Members));
        total = WorkRefusalRule.Apply(e, total, total, income.Members, WorkRefusalRule.MembersLosingTheirShare(household));
        return Grant(e, standard, income, total, tier.Name, date);
    }

    /// <summary>An eligible dibao decision, paid from the month after <paramref name="date"/> (57号 Art. 21).</summary>
    internal static DibaoDecision Grant(ExplanationBuilder e, decimal standard, IncomeAssessment income, decimal amount, string? tier, DateOnly date) => new()
    {
        Outcome = DecisionOutcome.Eligible,
        Amount = amount,
        AmountKind = AmountKind.Monthly,
        Reasons = [],
        Explanation = e.Build(),
        Standard = standard,
        Income = income,
        Tier = tier,
        FirstPaymentMonth = new DateOnly(date.Year, date.Month, 1).AddMonths(1),
    };

    /// <summary>An ineligible dibao decision with its reasons.</summary>
    internal static DibaoDecision Refuse(ExplanationBuilder e, decimal standard, IncomeAssessment? income, params string[] reasons) => new()
    {
        Outcome = DecisionOutcome.Ineligible,
        Amount = 0m,
        AmountKind = AmountKind.Monthly,
        Reasons = reasons,
        Explanation = e.Build(),
        Standard = standard,
        Income = income,
    };
}
