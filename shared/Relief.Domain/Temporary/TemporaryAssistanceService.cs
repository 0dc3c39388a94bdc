using Relief.Domain.Decisions;
using Relief.Domain.Policies;

namespace Relief.Domain.Temporary;

/// <summary>Temporary assistance decisions (临时救助) against the policy in force on the decision date.</summary>
public sealed class TemporaryAssistanceService
{
    private readonly IPolicyCatalog _catalog;

    /// <summary>Creates the service over a policy catalog.</summary>
    public TemporaryAssistanceService(IPolicyCatalog catalog) => _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));

    /// <summary>Decides the grant, its cap and its payment plan.</summary>
    public TemporaryAssistanceDecision Decide(TemporaryAssistanceRequest request, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Emergency assistance follows the place of the emergency, not the hukou.
        PolicyLookup lookup = _catalog.Find(request.DecidingJurisdiction, date);
        if (!lookup.Found)
        {
            return new TemporaryAssistanceDecision { Outcome = DecisionOutcome.NoRuleInForce, Amount = 0m, AmountKind = AmountKind.OneOff, Reasons = [lookup.Reason], Explanation = DecisionSupport.NoPolicy(lookup.Reason), Type = request.Type };
        }

        return TemporaryAssistanceRules.Decide(request, lookup.Policy, date);
    }
}
