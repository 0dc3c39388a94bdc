namespace Relief.Domain.Decisions;

/// <summary>Outcome of a decision (审核确认结果).</summary>
public enum DecisionOutcome
{
    /// <summary>The rule is met; the amount applies (符合条件).</summary>
    Eligible,

    /// <summary>The rule is not met; <see cref="DecisionResult.Reasons"/> say why (不符合条件).</summary>
    Ineligible,

    /// <summary>No policy or rule is in force for the jurisdiction and date; nothing can be decided.</summary>
    NoRuleInForce,
}

/// <summary>What the <see cref="DecisionResult.Amount"/> of a decision means.</summary>
public enum AmountKind
{
    /// <summary>Paid every month (按月发放).</summary>
    Monthly,

    /// <summary>A one-off grant, possibly paid in instalments (一次性救助).</summary>
    OneOff,

    /// <summary>A recognition without cash (认定), amount zero.</summary>
    None,
}
