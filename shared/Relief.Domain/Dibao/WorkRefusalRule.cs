using Relief.Domain.Explanations;
using Relief.Domain.Households;
using Relief.Domain.Money;

namespace Relief.Domain.Dibao;

/// <summary>
/// Work refusal (拒绝就业): a counted member able to work who refused suitable work offered
/// <see cref="RefusalsThatForfeit"/> times in a row loses his own share of the dibao; the rest of the household
/// keeps theirs (社会救助暂行办法 Art. 34 as DOMAIN.md states it; seed 002 asks townships for at least 3 job
/// recommendations). His income still counts in the household's per-capita income.
/// </summary>
public static class WorkRefusalRule
{
    /// <summary>Refusals in a row after which the member's share is lost: 3.</summary>
    public const int RefusalsThatForfeit = 3;

    /// <summary>The counted members who lose their share.</summary>
    public static int MembersLosingTheirShare(Household household)
    {
        ArgumentNullException.ThrowIfNull(household);
        return household.CountedMembers.Count(m => m.WorkAbility == WorkAbility.Able && m.ConsecutiveWorkRefusals >= RefusalsThatForfeit);
    }

    /// <summary>Reduces an amount computed for <paramref name="members"/> members to the shares of those who keep
    /// theirs: exact <paramref name="exactAmount"/> × (members − losing) / members, rounded once. Adds the step.</summary>
    public static decimal Apply(ExplanationBuilder e, decimal roundedAmount, decimal exactAmount, int members, int losing)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (losing <= 0 || members <= 0) return roundedAmount;
        decimal reduced = MoneyRounding.ToFenNotNegative(exactAmount * (members - losing) / members);
        e.Add("dibao.work-refusal",
            $"Members able to work who refused suitable work {RefusalsThatForfeit} times in a row lose their own share (拒绝就业); the others keep theirs",
            reduced, reduced - roundedAmount, ("membersLosingShare", losing), ("members", members));
        return reduced;
    }
}
