using Relief.Domain.Decisions;
using Relief.Domain.Households;
using Relief.Domain.Policies;

namespace Relief.Domain.Tekun;

/// <summary>Tekun decisions (特困人员认定) against the policy in force on the decision date.</summary>
public sealed class TekunDecisionService
{
    private readonly IPolicyCatalog _catalog;

    /// <summary>Creates the service over a policy catalog.</summary>
    public TekunDecisionService(IPolicyCatalog catalog) => _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));

    /// <summary>Decides eligibility and monthly amount for one member.</summary>
    public TekunDecision Decide(Household household, string memberId, Placement placement, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(household);
        PolicyLookup lookup = _catalog.Find(household.Jurisdiction, date);
        if (!lookup.Found)
        {
            return new TekunDecision { Outcome = DecisionOutcome.NoRuleInForce, Amount = 0m, AmountKind = AmountKind.Monthly, Reasons = [lookup.Reason], Explanation = DecisionSupport.NoPolicy(lookup.Reason), Placement = placement };
        }

        return TekunRules.Decide(household, memberId, placement, lookup.Policy, date);
    }
}
