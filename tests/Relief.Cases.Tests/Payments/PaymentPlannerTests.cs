using Relief.Cases.Assessment;
using Relief.Cases.Intake;
using Relief.Cases.Payments;
using Relief.Cases.Tests.Builders;

namespace Relief.Cases.Tests.Payments;

public sealed class PaymentPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly CaseAssessor Assessor = new(ShippedData.Catalog);

    private static CaseAssessment Assess(ApplicationRequest request) =>
        Assessor.Assess(AssessmentInput.From(ApplicationValidator.Validate(request, Applications.Today).Value!), new DateOnly(2026, 3, 20));

    [Fact]
    public void ForApproval_Dibao_PaysFromTheMonthAfterApproval()
    {
        var assessment = Assess(Applications.QingdaoDibao());

        var instruction = Assert.Single(PaymentPlanner.ForApproval("case-1", "hh-1", assessment, new DateOnly(2026, 3, 20), Now));

        Assert.Equal("2026-04", instruction.Period);
        Assert.Equal(assessment.Amount, instruction.Amount);
        Assert.Equal(FundSource.Regular, instruction.Source);
        Assert.Equal("hh-1|dibao|2026-04", instruction.IdempotencyKey);
    }

    [Fact]
    public void ForApproval_ExpenditureType_OneInstructionPerInstalmentWithCaseScopedPeriods()
    {
        var assessment = Assess(Applications.QingdaoExpenditure());

        var instructions = PaymentPlanner.ForApproval("case-2", "hh-1", assessment, new DateOnly(2026, 3, 20), Now);

        Assert.Equal(new[] { "instalment-1@case-2", "instalment-2@case-2", "instalment-3@case-2" }, instructions.Select(i => i.Period).ToArray());
        Assert.Equal(assessment.Amount, instructions.Sum(i => i.Amount));
        Assert.Equal(3, instructions.Select(i => i.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public void ForAdvanceRelief_GrantAboveTheSmallLimit_PaysTheLimitFromTheReserveFundAndTheBalanceLater()
    {
        var request = Applications.QingdaoEmergency() with
        {
            Temporary = Applications.QingdaoEmergency().Temporary! with { AmountRequested = 1700m, MonthsOfNeed = 2 },
        };
        var assessment = Assess(request);
        var policy = ShippedData.Policy("qingdao/shinan", new DateOnly(2026, 3, 20));

        var advance = PaymentPlanner.ForAdvanceRelief("case-3", "hh-1", assessment, policy, Now)!;
        var balance = PaymentPlanner.ForEmergencyBalance("case-3", "hh-1", assessment.Amount, advance.Amount, Now)!;

        Assert.Equal(1700m, assessment.Amount);
        Assert.Equal(1000m, advance.Amount);
        Assert.Equal(FundSource.TownshipReserveFund, advance.Source);
        Assert.Equal("advance@case-3", advance.Period);
        Assert.Equal(700m, balance.Amount);
        Assert.Equal(FundSource.Regular, balance.Source);
    }

    [Fact]
    public void ForEmergencyBalance_AdvanceCoveredEverything_IsNull()
    {
        Assert.Null(PaymentPlanner.ForEmergencyBalance("case-3", "hh-1", 800m, 800m, Now));
    }

    [Fact]
    public void ForApproval_Ineligible_CreatesNothing()
    {
        var app = ApplicationValidator.Validate(Applications.QingdaoDibao(), Applications.Today).Value!;
        var rich = AssessmentInput.From(app) with { Household = app.Household with { Incomes = [new(Domain.Households.IncomeKind.Wages, 9000m)] } };

        Assert.Empty(PaymentPlanner.ForApproval("case-4", "hh-1", Assessor.Assess(rich, new DateOnly(2026, 3, 20)), new DateOnly(2026, 3, 20), Now));
    }
}
