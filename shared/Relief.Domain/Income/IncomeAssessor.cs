using Relief.Domain.Explanations;
using Relief.Domain.Households;
using Relief.Domain.Money;
using Relief.Domain.Policies;

namespace Relief.Domain.Income;

/// <summary>
/// Computes per-capita monthly income (家庭人均月收入): counts wages, net business, property and
/// transfer income of counted members; leaves out the kinds the policy does not count and the
/// income of people who are not members; deducts the employment cost of working members and, where
/// the policy says so, medical and disability rigid expenditure; divides by the number of members.
/// </summary>
public static class IncomeAssessor
{
    /// <summary>Assesses a household under a policy. The household must have at least one counted member.</summary>
    public static IncomeAssessment Assess(Household household, PolicyParameters policy)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(policy);
        IReadOnlyList<HouseholdMember> members = household.CountedMembers;
        if (members.Count == 0)
        {
            throw new ArgumentException("The household has no counted member.", nameof(household));
        }

        var counted = new HashSet<string>(members.Select(m => m.Id.Value), StringComparer.Ordinal);
        var e = new ExplanationBuilder();
        e.Note("income.members", "Members counted (共同生活的家庭成员); persons in prison, compulsory rehabilitation, declared missing or clergy away ≥3 years are not counted", members.Count,
            ("registered", household.Members.Count), ("counted", members.Count));

        decimal gross = 0m;
        decimal deductions = 0m;
        DibaoParameters dibao = policy.Dibao;
        foreach (IncomeItem item in household.Incomes)
        {
            if (item.MonthlyAmount < 0m)
            {
                throw new ArgumentException($"Income amounts may not be negative ({item.Kind}).", nameof(household));
            }

            if (item.MemberId is not null && !counted.Contains(item.MemberId))
            {
                e.Note("income.excluded.non-member", $"{item.Kind} income of a person who is not a counted member is not counted", 0m, ("kind", item.Kind), ("amount", item.MonthlyAmount));
                continue;
            }

            if (!policy.Counts(item.Kind, out NationalRuleInForce? national))
            {
                if (national is not null)
                {
                    e.Note("income.excluded.national", $"{item.Kind} is not counted as income under {national.Rule.Document} (in force from {national.Rule.EffectiveFrom:yyyy-MM-dd}), whatever the local file says{BeyondNote(national)}", 0m,
                        ("kind", item.Kind), ("amount", item.MonthlyAmount), ("rule", national.Rule.Document), ("effectiveFrom", national.Rule.EffectiveFrom));
                }
                else
                {
                    e.Note("income.excluded.kind", $"{item.Kind} is not counted as income under the local policy (不计入家庭收入, version of {policy.InForceSince("dibao.notCountedIncomeKinds"):yyyy-MM-dd})", 0m, ("kind", item.Kind), ("amount", item.MonthlyAmount));
                }

                continue;
            }

            gross += item.MonthlyAmount;
            e.Note("income.counted", $"{item.Kind} income counted (计入家庭收入)", item.MonthlyAmount, ("kind", item.Kind), ("amount", item.MonthlyAmount));

            if (item.Kind == IncomeKind.Wages && dibao.EmploymentCostDeduction is { } deduction)
            {
                decimal amount = deduction.Base switch
                {
                    DeductionBase.EmploymentIncome => MoneyRounding.ToFen(deduction.Rate * item.MonthlyAmount),
                    _ => Math.Min(item.MonthlyAmount, MoneyRounding.ToFen(deduction.Rate * policy.MinimumWage)),
                };
                deductions += amount;
                e.Note("income.deduction.employment-cost", deduction.Base == DeductionBase.EmploymentIncome
                        ? "Employment-cost deduction (就业成本扣减): rate × wage"
                        : "Employment-cost deduction (就业成本扣减): rate × local minimum wage, at most the wage", -amount,
                    ("wage", item.MonthlyAmount), ("rate", deduction.Rate), ("base", deduction.Base), ("minimumWage", policy.MinimumWage), ("deduction", amount));
            }
        }

        if (dibao.DeductRigidExpenditure)
        {
            foreach (RigidExpenditure spending in household.RigidExpenditures.Where(x => x.Kind is RigidExpenditureKind.Medical or RigidExpenditureKind.Disability))
            {
                if (spending.MonthlyAmount < 0m)
                {
                    throw new ArgumentException("Rigid expenditure may not be negative.", nameof(household));
                }

                deductions += spending.MonthlyAmount;
                e.Note("income.deduction.rigid-expenditure", $"{spending.Kind} rigid expenditure deducted (刚性支出扣减)", -spending.MonthlyAmount, ("kind", spending.Kind), ("amount", spending.MonthlyAmount));
            }
        }

        decimal net = Math.Max(0m, gross - deductions);
        e.Note("income.total", "Counted monthly income = counted income − deductions, not below zero", net, ("counted", gross), ("deductions", deductions));
        decimal perCapita = MoneyRounding.ToFen(net / members.Count);
        e.Note("income.per-capita", "Per-capita monthly income = counted monthly income ÷ members, rounded to the fen (家庭人均月收入)", perCapita, ("income", net), ("members", members.Count));
        return new IncomeAssessment(members.Count, gross, deductions, net, perCapita, e.Build().Steps);
    }

    /// <summary>Counted monthly income of one member (own items only, kinds the policy counts, no deductions).</summary>
    public static decimal CountedIncomeOf(Household household, HouseholdMember member, PolicyParameters policy)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(policy);
        return household.Incomes
            .Where(i => i.MemberId == member.Id.Value && policy.Counts(i.Kind, out _))
            .Sum(i => i.MonthlyAmount);
    }

    private static string BeyondNote(NationalRuleInForce national) => national.BeyondStatedPeriod && national.Rule.StatedUntil is { } until
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; the text states it until {until:yyyy-MM-dd} and no later text is loaded, so it is applied as last known (assumption)")
        : string.Empty;
}
