using Relief.Domain.Explanations;

namespace Relief.Domain.Decisions;

/// <summary>
/// What every decision returns: outcome, amount in yuan (rounded to the fen, never negative), the
/// reasons for a refusal and the explanation of every rule applied, whose contributions add up to
/// <see cref="Amount"/>.
/// </summary>
public abstract record DecisionResult
{
    /// <summary>Eligible, ineligible, or no rule in force.</summary>
    public required DecisionOutcome Outcome { get; init; }

    /// <summary>The amount in yuan; zero unless eligible.</summary>
    public required decimal Amount { get; init; }

    /// <summary>Whether the amount is monthly, one-off or none.</summary>
    public required AmountKind AmountKind { get; init; }

    /// <summary>Why the outcome is not <see cref="DecisionOutcome.Eligible"/> (empty when it is).</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Every rule applied, with inputs and figures.</summary>
    public required Explanation Explanation { get; init; }

    /// <summary>True when eligible.</summary>
    public bool IsEligible => Outcome == DecisionOutcome.Eligible;
}
