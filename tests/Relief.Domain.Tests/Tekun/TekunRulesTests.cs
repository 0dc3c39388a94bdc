using Relief.Domain.Decisions;
using Relief.Domain.Households;
using Relief.Domain.Policies;
using Relief.Domain.Tekun;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Tekun;

public class TekunRulesTests
{
    private static readonly DateOnly Date = new(2022, 6, 1);
    private static readonly DailyActivities FourImpossible = new(CanEat: true, CanDress: false, CanTransferFromBed: false, CanUseToilet: false, CanWalkIndoors: false, CanBathe: true);
    private readonly TekunDecisionService _service = new(ShippedData.Catalog);

    private static HouseholdBuilder QuanzhouElder(DailyActivities activities) =>
        HouseholdBuilder.In("quanzhou-taishang").Rural().Member(new DateOnly(1950, 8, 8), m => m with { DailyActivities = activities, WorkAbility = WorkAbility.Unable });

    [Fact]
    public void Decide_QuanzhouFullCareDispersed_Is130PercentOfStandardPlusHalfMinimumWage()
    {
        HouseholdBuilder b = QuanzhouElder(FourImpossible);
        PolicyParameters policy = ShippedData.Policy("quanzhou-taishang", Date);

        TekunDecision decision = _service.Decide(b.Build(), b.IdOf(0), Placement.Dispersed, Date);

        // Standard = 45% × 1,960 = 882; basic = 130% × 882 = 1,146.60; full care = 50% × 1,960 = 980.
        Assert.Equal(882m, policy.Dibao.RuralStandard);
        Assert.Equal(DecisionOutcome.Eligible, decision.Outcome);
        Assert.Equal(CareTier.FullCare, decision.CareTier);
        Assert.Equal(1.30m * 882m, decision.BasicAmount);
        Assert.Equal(0.50m * 1960m, decision.CareAmount);
        Assert.Equal(1146.60m + 980m, decision.Amount);
        Assert.Equal(decision.Amount, decision.Explanation.TotalContribution);
    }

    [Fact]
    public void Decide_QuanzhouFullCareInstitution_Is150PercentOfDispersed()
    {
        HouseholdBuilder b = QuanzhouElder(FourImpossible);

        TekunDecision dispersed = _service.Decide(b.Build(), b.IdOf(0), Placement.Dispersed, Date);
        TekunDecision institutional = _service.Decide(b.Build(), b.IdOf(0), Placement.Institutional, Date);

        Assert.Equal(1.5m * dispersed.Amount, institutional.Amount);
        Assert.Equal(3189.90m, institutional.Amount);
        Assert.Equal(institutional.Amount - dispersed.Amount, institutional.Explanation.Find("tekun.institutional")!.Contribution);
        Assert.Equal(institutional.Amount, institutional.Explanation.TotalContribution);
    }

    [Theory]
    [InlineData(true, 0.10)]
    [InlineData(false, 0.25)]
    public void Decide_LesserCareTiers_UseTheirShareOfMinimumWage(bool allPossible, decimal share)
    {
        DailyActivities activities = allPossible ? DailyActivities.AllPossible : DailyActivities.AllPossible with { CanBathe = false };
        HouseholdBuilder b = QuanzhouElder(activities);

        TekunDecision decision = _service.Decide(b.Build(), b.IdOf(0), Placement.Dispersed, Date);

        Assert.Equal(share * 1960m, decision.CareAmount);
        Assert.Equal(1146.60m + (share * 1960m), decision.Amount);
    }

    [Theory]
    [InlineData(2005, 1, 1, false, DecisionOutcome.Eligible)]
    [InlineData(2004, 5, 31, false, DecisionOutcome.Ineligible)]
    [InlineData(2003, 1, 1, true, DecisionOutcome.Eligible)]
    [InlineData(1962, 6, 1, false, DecisionOutcome.Eligible)]
    [InlineData(1962, 6, 2, false, DecisionOutcome.Ineligible)]
    public void Decide_AgeAndSchool_DecideInabilityToWork(int year, int month, int day, bool inSchool, DecisionOutcome expected)
    {
        // Decision date 2022-06-01: minors under 18 and students beyond 18 qualify; 60 and over qualify.
        HouseholdBuilder b = HouseholdBuilder.In("quanzhou-taishang").Urban()
            .Member(new DateOnly(year, month, day), m => m with { InSchool = inSchool, DailyActivities = DailyActivities.AllPossible });

        Assert.Equal(expected, _service.Decide(b.Build(), b.IdOf(0), Placement.Dispersed, Date).Outcome);
    }

    [Theory]
    [InlineData(DisabilityType.Intellectual, 3, DecisionOutcome.Eligible)]
    [InlineData(DisabilityType.Physical, 2, DecisionOutcome.Eligible)]
    [InlineData(DisabilityType.Physical, 3, DecisionOutcome.Ineligible)]
    [InlineData(DisabilityType.Visual, 1, DecisionOutcome.Eligible)]
    public void Decide_WorkingAgeAdult_DisabilityGradeDecides(DisabilityType type, int grade, DecisionOutcome expected)
    {
        HouseholdBuilder b = HouseholdBuilder.In("quanzhou-taishang").Urban()
            .Member(new DateOnly(1980, 1, 1), m => m with { Disability = new Disability(type, grade), DailyActivities = DailyActivities.AllPossible });

        Assert.Equal(expected, _service.Decide(b.Build(), b.IdOf(0), Placement.Dispersed, Date).Outcome);
    }

    [Fact]
    public void Decide_AbleSupporter_IneligibleWithReason()
    {
        HouseholdBuilder b = HouseholdBuilder.In("quanzhou-taishang").Member(new DateOnly(1940, 1, 1), m => m with { HasAbleLegalSupporter = true, DailyActivities = DailyActivities.AllPossible });

        TekunDecision decision = _service.Decide(b.Build(), b.IdOf(0), Placement.Dispersed, Date);

        Assert.Equal(DecisionOutcome.Ineligible, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Contains("supporter", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_OwnIncomeAtDibaoStandard_Ineligible()
    {
        HouseholdBuilder b = QuanzhouElder(FourImpossible);
        b.IncomeOf(0, IncomeKind.Transfer, 882m);

        Assert.Equal(DecisionOutcome.Ineligible, _service.Decide(b.Build(), b.IdOf(0), Placement.Dispersed, Date).Outcome);
    }

    // DOMAIN.md § Rules made precise, "Tekun everywhere": eligibility is decided in every jurisdiction (民发〔2021〕43号),
    // even one whose amounts are not configured; then the amount is "not configured for X".
    [Fact]
    public void Decide_JurisdictionWithoutTekunAmounts_EligibleOnTheNationalCriteria_AmountNotConfigured()
    {
        HouseholdBuilder b = HouseholdBuilder.In("qingdao/shinan").Member(new DateOnly(1940, 1, 1), m => m with { DailyActivities = DailyActivities.AllPossible });

        var decision = _service.Decide(b.Build(), b.IdOf(0), Placement.Dispersed, Date);

        Assert.Equal(DecisionOutcome.NoRuleInForce, decision.Outcome);
        Assert.True(decision.EligibleOnNationalCriteria);
        Assert.Equal(0m, decision.Amount);
        Assert.Contains("not configured for qingdao", Assert.Single(decision.Reasons), StringComparison.Ordinal);
        Assert.True(decision.Explanation.Applied("tekun.not-configured"));
    }

    [Fact]
    public void Decide_JurisdictionWithoutTekunAmounts_PersonAbleToWork_IneligibleDecided()
    {
        HouseholdBuilder b = HouseholdBuilder.In("qingdao/shinan").Member(new DateOnly(1985, 1, 1), m => m with { DailyActivities = DailyActivities.AllPossible });

        var decision = _service.Decide(b.Build(), b.IdOf(0), Placement.Dispersed, Date);

        Assert.Equal(DecisionOutcome.Ineligible, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Contains("do not establish inability to work", StringComparison.Ordinal));
    }

    // DOMAIN.md § Rules made precise, "Tekun everywhere … Qiaoxi (seed 002): minors are covered to 18" — a local age
    // that holds although Qiaoxi sets no tekun amounts; the national limit (43号: under 16) holds elsewhere.
    [Fact]
    public void Decide_Seventeen_NotInSchool_QiaoxiCoversMinorsTo18_QingdaoOnTheNationalUnder16_Does_Not()
    {
        HouseholdBuilder qiaoxi = HouseholdBuilder.In("shijiazhuang-qiaoxi").Member(Date.AddYears(-17), m => m with { DailyActivities = DailyActivities.AllPossible });
        HouseholdBuilder qingdao = HouseholdBuilder.In("qingdao/shinan").Member(Date.AddYears(-17), m => m with { DailyActivities = DailyActivities.AllPossible });

        var inQiaoxi = _service.Decide(qiaoxi.Build(), qiaoxi.IdOf(0), Placement.Dispersed, Date);
        var inQingdao = _service.Decide(qingdao.Build(), qingdao.IdOf(0), Placement.Dispersed, Date);

        Assert.True(inQiaoxi.EligibleOnNationalCriteria);
        Assert.Equal(DecisionOutcome.NoRuleInForce, inQiaoxi.Outcome);
        Assert.Contains(inQiaoxi.Explanation.Find("tekun.no-work-ability")!.Inputs, i => i.Name == "minorAgeLimit" && i.Value == "18");
        Assert.Contains("its own ages", inQiaoxi.Explanation.Find("tekun.not-configured")!.Description, StringComparison.Ordinal);
        Assert.Equal(DecisionOutcome.Ineligible, inQingdao.Outcome);
        Assert.Contains(inQingdao.Explanation.Find("tekun.no-work-ability")!.Inputs, i => i.Name == "minorAgeLimit" && i.Value == "16");
    }
}
