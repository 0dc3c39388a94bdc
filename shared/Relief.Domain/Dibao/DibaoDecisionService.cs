using Relief.Domain.Decisions;
using Relief.Domain.Households;
using Relief.Domain.Policies;
using Relief.Domain.Reviews;

namespace Relief.Domain.Dibao;

/// <summary>
/// Dibao decisions against the policy in force for the household's jurisdiction on the decision
/// date (低保及相关认定): household dibao, single-person inclusion, marginal and rigid-expenditure
/// households, gradual exit. A missing policy is an outcome (<see cref="DecisionOutcome.NoRuleInForce"/>), not an exception.
/// </summary>
public sealed class DibaoDecisionService
{
    private readonly IPolicyCatalog _catalog;

    /// <summary>Creates the service over a policy catalog.</summary>
    public DibaoDecisionService(IPolicyCatalog catalog) => _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));

    /// <summary>Household dibao (最低生活保障).</summary>
    public DibaoDecision Decide(Household household, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(household);
        PolicyLookup lookup = _catalog.Find(household.Jurisdiction, date);
        return lookup.Found ? DibaoRules.Decide(household, lookup.Policy, date) : NoPolicy(lookup.Reason);
    }

    /// <summary>Single-person inclusion of one member (单人保).</summary>
    public DibaoDecision DecideSinglePerson(Household household, string memberId, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(household);
        PolicyLookup lookup = _catalog.Find(household.Jurisdiction, date);
        return lookup.Found ? SinglePersonRules.Decide(household, memberId, lookup.Policy, date) : NoPolicy(lookup.Reason);
    }

    /// <summary>Marginal household (低保边缘家庭).</summary>
    public RecognitionDecision DecideMarginal(Household household, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(household);
        PolicyLookup lookup = _catalog.Find(household.Jurisdiction, date);
        return lookup.Found ? MarginalHouseholdRules.Decide(household, lookup.Policy, date) : NoPolicyRecognition(lookup.Reason);
    }

    /// <summary>Rigid-expenditure household (刚性支出困难家庭).</summary>
    public RecognitionDecision DecideRigidExpenditure(Household household, DateOnly date, bool receivesTekun)
    {
        ArgumentNullException.ThrowIfNull(household);
        PolicyLookup lookup = _catalog.Find(household.Jurisdiction, date);
        return lookup.Found ? RigidExpenditureHouseholdRules.Decide(household, lookup.Policy, date, receivesTekun) : NoPolicyRecognition(lookup.Reason);
    }

    /// <summary>Gradual exit (渐退) of a household whose income rose on <paramref name="incomeRoseOn"/>.</summary>
    public GradualExitDecision EvaluateGradualExit(Household household, decimal currentMonthlyAmount, DateOnly incomeRoseOn, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(household);
        PolicyLookup lookup = _catalog.Find(household.Jurisdiction, incomeRoseOn);
        if (!lookup.Found)
        {
            return new GradualExitDecision { Outcome = DecisionOutcome.NoRuleInForce, Amount = 0m, AmountKind = AmountKind.Monthly, Reasons = [lookup.Reason], Explanation = DecisionSupport.NoPolicy(lookup.Reason) };
        }

        return GradualExitRules.Evaluate(currentMonthlyAmount, incomeRoseOn, asOf, lookup.Policy);
    }

    /// <summary>Review schedule (核查周期) after a review on <paramref name="lastReview"/>; null when no policy is in force.</summary>
    public ReviewSchedule? ScheduleReview(Household household, DateOnly lastReview)
    {
        ArgumentNullException.ThrowIfNull(household);
        PolicyLookup lookup = _catalog.Find(household.Jurisdiction, lastReview);
        return lookup.Found ? ReviewCadence.ForDibao(household, lookup.Policy, lastReview) : null;
    }

    private static DibaoDecision NoPolicy(string reason) => new()
    {
        Outcome = DecisionOutcome.NoRuleInForce, Amount = 0m, AmountKind = AmountKind.Monthly, Reasons = [reason], Explanation = DecisionSupport.NoPolicy(reason),
    };

    private static RecognitionDecision NoPolicyRecognition(string reason) => new()
    {
        Outcome = DecisionOutcome.NoRuleInForce, Amount = 0m, AmountKind = AmountKind.None, Reasons = [reason], Explanation = DecisionSupport.NoPolicy(reason),
    };
}
