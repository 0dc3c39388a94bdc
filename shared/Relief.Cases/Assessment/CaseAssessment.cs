using Relief.Cases.Intake;
using Relief.Domain.Decisions;
using Relief.Domain.Dibao;
using Relief.Domain.Explanations;
using Relief.Domain.Temporary;

namespace Relief.Cases.Assessment;

/// <summary>
/// The policy engine's decision for a case (审核评估结果): outcome, amount, reasons and explanation, plus the
/// program-specific decision in <see cref="Decision"/> (a <see cref="DibaoDecision"/>,
/// <see cref="Domain.Tekun.TekunDecision"/> or <see cref="TemporaryAssistanceDecision"/>).
/// </summary>
/// <param name="Program">The program assessed.</param>
/// <param name="DecisionDate">The date the policy in force was taken from.</param>
/// <param name="Decision">The domain decision.</param>
public sealed record CaseAssessment(AssistanceProgram Program, DateOnly DecisionDate, DecisionResult Decision)
{
    /// <summary>Eligible, ineligible, or no rule in force.</summary>
    public DecisionOutcome Outcome => Decision.Outcome;

    /// <summary>True when eligible.</summary>
    public bool IsEligible => Decision.IsEligible;

    /// <summary>Yuan (monthly for dibao and tekun, one-off for temporary); zero unless eligible.</summary>
    public decimal Amount => Decision.Amount;

    /// <summary>Monthly, one-off or none.</summary>
    public AmountKind AmountKind => Decision.AmountKind;

    /// <summary>Why not eligible (for the written refusal, 不予批准理由).</summary>
    public IReadOnlyList<string> Reasons => Decision.Reasons;

    /// <summary>Every rule applied, adding up to <see cref="Amount"/>.</summary>
    public Explanation Explanation => Decision.Explanation;

    /// <summary>Temporary assistance: the payment plan (one instalment when paid at once); empty otherwise.</summary>
    public IReadOnlyList<Instalment> Instalments => (Decision as TemporaryAssistanceDecision)?.Instalments ?? [];

    /// <summary>Emergency type: paid first, paperwork after (先行救助).</summary>
    public bool AdvanceRelief => (Decision as TemporaryAssistanceDecision)?.AdvanceRelief == true;

    /// <summary>Emergency type within the small-amount limit: paid from the township reserve fund (小额快救, 备用金).</summary>
    public bool FromReserveFund => (Decision as TemporaryAssistanceDecision)?.FromReserveFund == true;

    /// <summary>A case-by-case amount above the band needs higher approval (一事一议).</summary>
    public bool RequiresHigherApproval => (Decision as TemporaryAssistanceDecision)?.RequiresHigherApproval == true;
}
