using Relief.Cases.Assessment;
using Relief.Cases.Intake;
using Relief.Cases.Tests.Builders;
using Relief.Domain.Decisions;
using Relief.Domain.Dibao;
using Relief.Domain.Tekun;

namespace Relief.Cases.Tests.Assessment;

public sealed class CaseAssessorTests
{
    private static readonly CaseAssessor Assessor = new(ShippedData.Catalog);
    private static readonly DateOnly DecisionDate = new(2026, 3, 20);

    private static ValidatedApplication Valid(ApplicationRequest request) =>
        ApplicationValidator.Validate(request, Applications.Today, ShippedData.Catalog).Value ?? throw new InvalidOperationException("invalid test application");

    [Fact]
    public void Assess_QingdaoDibao_AmountAndExplanationAreThePolicyEngines()
    {
        var app = Valid(Applications.QingdaoDibao());

        var assessment = Assessor.Assess(AssessmentInput.From(app), DecisionDate);
        var expected = new DibaoDecisionService(ShippedData.Catalog).Decide(app.Household, DecisionDate);

        Assert.Equal(DecisionOutcome.Eligible, assessment.Outcome);
        Assert.Equal(expected.Amount, assessment.Amount);
        Assert.True(assessment.Amount > 0m);
        Assert.Equal(AmountKind.Monthly, assessment.AmountKind);
        Assert.Equal(assessment.Amount, assessment.Explanation.TotalContribution);
        Assert.IsType<DibaoDecision>(assessment.Decision);
    }

    [Fact]
    public void Assess_TaishangTekun_EqualsTheTekunServiceForTheApplicant()
    {
        var app = Valid(Applications.TaishangTekun());

        var assessment = Assessor.Assess(AssessmentInput.From(app), DecisionDate);
        var expected = new TekunDecisionService(ShippedData.Catalog).Decide(app.Household, app.Applicant.Id.Value, Placement.Dispersed, DecisionDate);

        Assert.True(assessment.IsEligible, string.Join("; ", assessment.Reasons));
        Assert.Equal(expected.Amount, assessment.Amount);
        Assert.Equal(CareTier.PartialCare, ((TekunDecision)assessment.Decision).CareTier);
    }

    [Fact]
    public void Assess_QingdaoEmergency_AdvanceReliefFromTheReserveFund()
    {
        var app = Valid(Applications.QingdaoEmergency());

        var assessment = Assessor.Assess(AssessmentInput.From(app), DecisionDate);

        Assert.True(assessment.IsEligible);
        Assert.Equal(800m, assessment.Amount);
        Assert.True(assessment.AdvanceRelief);
        Assert.True(assessment.FromReserveFund);
        Assert.Single(assessment.Instalments);
    }

    [Fact]
    public void Assess_QingdaoExpenditure_OneApprovalInThreeInstalments()
    {
        var app = Valid(Applications.QingdaoExpenditure());

        var assessment = Assessor.Assess(AssessmentInput.From(app), DecisionDate);

        Assert.True(assessment.IsEligible);
        Assert.Equal(2100m, assessment.Amount);
        Assert.Equal(3, assessment.Instalments.Count);
        Assert.Equal(assessment.Amount, assessment.Instalments.Sum(i => i.Amount));
        Assert.False(assessment.AdvanceRelief);
    }

    [Fact]
    public void Assess_TekunWithoutPolicyRules_IsNoRuleInForceNotAnException()
    {
        var app = Valid(Applications.TaishangTekun());
        var input = AssessmentInput.From(app) with { Household = app.Household with { Jurisdiction = Domain.Households.JurisdictionCode.Parse("qingdao/shinan") } };

        var assessment = Assessor.Assess(input, DecisionDate);

        Assert.Equal(DecisionOutcome.NoRuleInForce, assessment.Outcome);
        Assert.Equal(0m, assessment.Amount);
    }

    [Fact]
    public void Assess_InvestigatedHouseholdWithMoreIncome_UsesTheReplacedHousehold()
    {
        var app = Valid(Applications.QingdaoDibao());
        var found = app.Household with { Incomes = [new Domain.Households.IncomeItem(Domain.Households.IncomeKind.Wages, 5000m, Applications.ApplicantId)] };

        var assessment = Assessor.Assess(AssessmentInput.From(app) with { Household = found }, DecisionDate);

        Assert.Equal(DecisionOutcome.Ineligible, assessment.Outcome);
        Assert.NotEmpty(assessment.Reasons);
    }
}
