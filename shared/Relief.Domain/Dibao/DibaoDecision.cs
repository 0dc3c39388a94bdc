using Relief.Domain.Decisions;
using Relief.Domain.Income;

namespace Relief.Domain.Dibao;

/// <summary>A dibao decision (低保审核确认): the monthly amount for the whole household.</summary>
public sealed record DibaoDecision : DecisionResult
{
    /// <summary>The monthly standard applied (per person), or zero when no policy.</summary>
    public decimal Standard { get; init; }

    /// <summary>The income assessment, when one was made.</summary>
    public IncomeAssessment? Income { get; init; }

    /// <summary>The tier applied in tier mode.</summary>
    public string? Tier { get; init; }

    /// <summary>When eligible, the first month paid: the month after the decision (57号 Art. 21, 25: 自批准次月起发放).</summary>
    public DateOnly? FirstPaymentMonth { get; init; }
}
