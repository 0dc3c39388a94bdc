using Relief.Cases.Payments;

namespace Relief.Cases.Reviews;

/// <summary>
/// A review's decision: the outcome, its written reason and the rule behind it, the changes to the household's
/// entitlement (appended to the register: the payroll follows), a warning, and a recovery claim.
/// </summary>
/// <param name="Outcome">What was decided.</param>
/// <param name="Reason">The written reason (书面理由).</param>
/// <param name="Rule">The rule applied, with its source.</param>
/// <param name="Change">The change to append to the entitlement; null when the benefit continues unchanged.</param>
/// <param name="Warning">A warning recorded on the household (警示), or null.</param>
/// <param name="RecoverFrom">For fraud: the first month whose payments are claimed back (追回); null otherwise.</param>
/// <param name="RecoverThrough">For fraud: the last month claimed back (the stop month).</param>
public sealed record ReviewDecision(
    ReviewOutcome Outcome,
    string Reason,
    string Rule,
    EntitlementChange? Change,
    string? Warning,
    PayPeriod? RecoverFrom,
    PayPeriod? RecoverThrough);
