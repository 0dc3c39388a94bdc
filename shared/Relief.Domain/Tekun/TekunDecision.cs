using Relief.Domain.Decisions;

namespace Relief.Domain.Tekun;

/// <summary>A tekun decision (特困人员认定): eligibility and the monthly support amount.</summary>
public sealed record TekunDecision : DecisionResult
{
    /// <summary>Care tier, when assessed.</summary>
    public CareTier? CareTier { get; init; }

    /// <summary>Placement the amount was computed for.</summary>
    public Placement Placement { get; init; }

    /// <summary>Basic living amount (基本生活标准).</summary>
    public decimal BasicAmount { get; init; }

    /// <summary>Care amount (照料护理标准).</summary>
    public decimal CareAmount { get; init; }

    /// <summary>
    /// Where the jurisdiction configures no tekun amounts (outcome <see cref="DecisionOutcome.NoRuleInForce"/>): true
    /// when the person meets the national criteria (民发〔2021〕43号) — eligibility is decided everywhere, only the
    /// amount is "not configured". Null where the amounts are configured (the outcome says it all).
    /// </summary>
    public bool? EligibleOnNationalCriteria { get; init; }
}
