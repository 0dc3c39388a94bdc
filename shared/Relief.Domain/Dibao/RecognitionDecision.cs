using Relief.Domain.Decisions;

namespace Relief.Domain.Dibao;

/// <summary>
/// A recognition without a cash amount (认定): marginal household (低保边缘) or rigid-expenditure
/// household (刚性支出困难家庭). Recognised households get special assistance, not a monthly benefit.
/// </summary>
public sealed record RecognitionDecision : DecisionResult
{
    /// <summary>Last day the recognition is valid, when limited.</summary>
    public DateOnly? ValidUntil { get; init; }
}
