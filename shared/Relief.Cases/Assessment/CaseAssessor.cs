using Relief.Cases.Intake;
using Relief.Domain.Decisions;
using Relief.Domain.Dibao;
using Relief.Domain.Money;
using Relief.Domain.Policies;
using Relief.Domain.Tekun;
using Relief.Domain.Temporary;

namespace Relief.Cases.Assessment;

/// <summary>
/// Runs the policy engine for a case (审核评估): dibao for the household, tekun for the applicant, temporary
/// assistance for the need. Pure and deterministic for a given catalog, so an orchestration activity (or the
/// orchestrator itself) may call it. A missing policy or rule is an outcome (<see cref="DecisionOutcome.NoRuleInForce"/>),
/// never an exception.
/// </summary>
public sealed class CaseAssessor
{
    private readonly DibaoDecisionService _dibao;
    private readonly TekunDecisionService _tekun;
    private readonly TemporaryAssistanceService _temporary;

    /// <summary>Creates the assessor over the policy catalog.</summary>
    public CaseAssessor(IPolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _dibao = new DibaoDecisionService(catalog);
        _tekun = new TekunDecisionService(catalog);
        _temporary = new TemporaryAssistanceService(catalog);
    }

    /// <summary>
    /// Assesses <paramref name="input"/> under the policy in force on <paramref name="decisionDate"/> (China date).
    /// For temporary assistance the requested amount spread over the months of need is the proposed monthly level,
    /// which the policy keeps within its band around the dibao standard.
    /// </summary>
    public CaseAssessment Assess(AssessmentInput input, DateOnly decisionDate)
    {
        ArgumentNullException.ThrowIfNull(input);
        DecisionResult decision = input.Program switch
        {
            AssistanceProgram.Dibao => _dibao.Decide(input.Household, decisionDate),
            AssistanceProgram.Tekun => _tekun.Decide(input.Household, input.ApplicantId, input.Placement, decisionDate),
            AssistanceProgram.TemporaryEmergency => _temporary.Decide(TemporaryRequest(input, TemporaryAssistanceType.Emergency), decisionDate),
            AssistanceProgram.TemporaryExpenditure => _temporary.Decide(TemporaryRequest(input, TemporaryAssistanceType.Expenditure), decisionDate),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Program, "Unknown program."),
        };
        return new CaseAssessment(input.Program, decisionDate, decision);
    }

    private static TemporaryAssistanceRequest TemporaryRequest(AssessmentInput input, TemporaryAssistanceType type)
    {
        TemporaryNeed need = input.Temporary
            ?? throw new ArgumentException("Temporary assistance needs the TemporaryNeed of the application.", nameof(input));
        return new TemporaryAssistanceRequest
        {
            Household = input.Household,
            Type = type,
            MonthsOfNeed = need.MonthsOfNeed,
            ProposedMonthlyAmount = MoneyRounding.ToFen(need.AmountRequested / need.MonthsOfNeed),
            CaseByCaseAmount = input.CaseByCaseAmount,
            AlreadyReceivedThisYear = input.AlreadyReceivedThisYear,
            Instalments = type == TemporaryAssistanceType.Emergency ? 1 : need.Instalments,
            EmergencyPlace = type == TemporaryAssistanceType.Emergency ? need.EmergencyPlace : null,
        };
    }
}
