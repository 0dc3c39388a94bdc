using Relief.Cases.Assessment;
using Relief.Cases.Intake;
using Relief.Domain.Decisions;

namespace Relief.Functions.Assessments;

/// <summary>The answer of <c>POST /api/assessments</c>: one assessment per program asked for. Nothing is stored.</summary>
/// <param name="Date">The date the rules were taken as in force on.</param>
/// <param name="Jurisdiction">The household's jurisdiction.</param>
/// <param name="Assessments">One per program, in the order asked.</param>
public sealed record PreviewResult(DateOnly Date, string Jurisdiction, IReadOnlyList<ProgramPreview> Assessments);

/// <summary>The outcome for one program.</summary>
/// <param name="Program">The program code.</param>
/// <param name="Outcome">eligible, ineligible, or notConfigured where the jurisdiction sets no rule for it.</param>
/// <param name="Eligibility">eligible, ineligible or undecided: for tekun where the amounts are not configured,
/// eligibility is still decided on the national criteria (outcome notConfigured, eligibility eligible).</param>
/// <param name="Amount">The amount in yuan (monthly or one-off, see <paramref name="AmountKind"/>); 0 when none.</param>
/// <param name="AmountKind">monthly, oneOff or none.</param>
/// <param name="Reasons">Why, in words.</param>
/// <param name="Explanation">The rules applied, in order, each with its inputs and result.</param>
public sealed record ProgramPreview(
    string Program,
    string Outcome,
    string Eligibility,
    decimal Amount,
    string AmountKind,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<RulePreview> Explanation)
{
    /// <summary>The preview of <paramref name="assessment"/>.</summary>
    public static ProgramPreview From(AssistanceProgram program, CaseAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        string outcome = assessment.Outcome switch
        {
            DecisionOutcome.Eligible => "eligible",
            DecisionOutcome.Ineligible => "ineligible",
            _ => "notConfigured",
        };
        string eligibility = outcome != "notConfigured" ? outcome
            : assessment.Decision is Relief.Domain.Tekun.TekunDecision { EligibleOnNationalCriteria: true } ? "eligible" : "undecided";
        return new ProgramPreview(
            program.ToCode(),
            outcome,
            eligibility,
            assessment.Amount,
            assessment.AmountKind switch
            {
                Relief.Domain.Decisions.AmountKind.Monthly => "monthly",
                Relief.Domain.Decisions.AmountKind.OneOff => "oneOff",
                _ => "none",
            },
            assessment.Reasons,
            assessment.Explanation.Steps
                .Select(s => new RulePreview(s.Rule, s.Description, s.Inputs.ToDictionary(i => i.Name, i => i.Value, StringComparer.Ordinal), s.Result, s.Contribution))
                .ToArray());
    }
}

/// <summary>One rule applied.</summary>
/// <param name="Rule">The rule's id.</param>
/// <param name="Description">What it did.</param>
/// <param name="Inputs">The figures it used.</param>
/// <param name="Result">Its result, where it has one.</param>
/// <param name="Contribution">What it added to the amount.</param>
public sealed record RulePreview(string Rule, string Description, IReadOnlyDictionary<string, string> Inputs, decimal? Result, decimal Contribution);
