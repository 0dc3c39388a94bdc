using Relief.Cases.Assessment;
using Relief.Domain.Decisions;
using Relief.Domain.Explanations;

namespace Relief.Cases.Records;

/// <summary>
/// A decision as kept on the case record and shown by <c>GET /api/applications/{id}</c>: outcome, amount,
/// reasons and the explanation's steps (决定及说明). Serialises to plain JSON.
/// </summary>
/// <param name="Outcome">Eligible, ineligible or no rule in force.</param>
/// <param name="Amount">Yuan.</param>
/// <param name="AmountKind">Monthly, one-off or none.</param>
/// <param name="Reasons">Reasons for a refusal.</param>
/// <param name="Explanation">The rules applied, in order.</param>
/// <param name="DecisionDate">The date whose policy was applied.</param>
public sealed record CaseDecisionRecord(
    DecisionOutcome Outcome,
    decimal Amount,
    AmountKind AmountKind,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<ExplanationStep> Explanation,
    DateOnly DecisionDate)
{
    /// <summary>The record of an assessment.</summary>
    public static CaseDecisionRecord From(CaseAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return new CaseDecisionRecord(assessment.Outcome, assessment.Amount, assessment.AmountKind, assessment.Reasons, assessment.Explanation.Steps, assessment.DecisionDate);
    }
}
