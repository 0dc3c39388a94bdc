using Relief.Domain.Decisions;

namespace Relief.Domain.Temporary;

/// <summary>One instalment of a temporary assistance grant.</summary>
/// <param name="Number">1-based instalment number.</param>
/// <param name="Month">First day of the month it is paid in.</param>
/// <param name="Amount">Amount in yuan.</param>
public sealed record Instalment(int Number, DateOnly Month, decimal Amount);

/// <summary>
/// A temporary assistance decision: <see cref="DecisionResult.Amount"/> is the one-off total
/// (within the band and the yearly cap), with its payment plan.
/// </summary>
public sealed record TemporaryAssistanceDecision : DecisionResult
{
    /// <summary>Emergency or expenditure.</summary>
    public TemporaryAssistanceType Type { get; init; }

    /// <summary>True when a case-by-case amount above the band needs higher approval (一事一议, 报上级审批).</summary>
    public bool RequiresHigherApproval { get; init; }

    /// <summary>True when the yearly cap cut the amount.</summary>
    public bool CappedByYearlyLimit { get; init; }

    /// <summary>Emergency: pay first within the policy's hours, paperwork and public notice after (先行救助, 事后公示).</summary>
    public bool AdvanceRelief { get; init; }

    /// <summary>Emergency and within the small-amount limit: paid from the township reserve fund (小额快救, 备用金).</summary>
    public bool FromReserveFund { get; init; }

    /// <summary>Hours within which advance relief must be paid, when <see cref="AdvanceRelief"/>.</summary>
    public int? PayWithinHours { get; init; }

    /// <summary>Whether economic verification and community review apply (false for emergencies).</summary>
    public bool RequiresEconomicVerification { get; init; }

    /// <summary>The payment plan; one instalment when paid at once. Amounts add up to the total.</summary>
    public IReadOnlyList<Instalment> Instalments { get; init; } = [];
}
