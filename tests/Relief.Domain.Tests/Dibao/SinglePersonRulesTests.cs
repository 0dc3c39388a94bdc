using Relief.Domain.Decisions;
using Relief.Domain.Dibao;
using Relief.Domain.Households;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Dibao;

public class SinglePersonRulesTests
{
    private static readonly DateOnly Date = new(2020, 6, 1);
    private readonly DibaoDecisionService _service = new(ShippedData.Catalog);

    private static HouseholdBuilder LiyangFamilyWithIntellectualGrade3(decimal familyWages)
    {
        HouseholdBuilder b = HouseholdBuilder.In("liyang").Urban().Adults(2)
            .Member(new DateOnly(1995, 2, 2), m => m with { Disability = new Disability(DisabilityType.Intellectual, 3), WorkAbility = WorkAbility.Unable });
        return b.IncomeOf(0, IncomeKind.Wages, familyWages);
    }

    private static HouseholdBuilder FamilyWithSeriouslyIllMember(string jurisdiction, WorkAbility ability) =>
        HouseholdBuilder.In(jurisdiction).Urban().Adults(2)
            .Member(new DateOnly(1980, 3, 3), m => m with { HasMajorIllness = true, ReceivesMedicalAssistance = false, WorkAbility = ability })
            .IncomeOf(0, IncomeKind.Wages, 3300m);

    [Fact]
    public void DecideSinglePerson_QiaoxiSeriouslyIllPartlyUnableToWork_EnrolledWithoutMedicalAssistance()
    {
        // DOMAIN.md § Rules made precise, "Single-person inclusion is local". Seed 002 (Qiaoxi): severely disabled and seriously ill people who have fully or partly lost the ability
        // to work, in a low-income household not eligible as a whole; no medical-assistance condition.
        // Wages 3,300 − 20 % employment cost = 2,640 / 3 = 880: above the 780 standard, below 1.5 × 780.
        HouseholdBuilder b = FamilyWithSeriouslyIllMember("shijiazhuang-qiaoxi", WorkAbility.Partial);

        DibaoDecision decision = _service.DecideSinglePerson(b.Build(), b.IdOf(2), new DateOnly(2021, 6, 1));

        Assert.Equal(DecisionOutcome.Eligible, decision.Outcome);
        Assert.Equal(780m, decision.Amount);
    }

    [Fact]
    public void DecideSinglePerson_QiaoxiSeriouslyIllButAbleToWork_Ineligible()
    {
        HouseholdBuilder b = FamilyWithSeriouslyIllMember("shijiazhuang-qiaoxi", WorkAbility.Able);

        DibaoDecision decision = _service.DecideSinglePerson(b.Build(), b.IdOf(2), new DateOnly(2021, 6, 1));

        Assert.Equal(DecisionOutcome.Ineligible, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Contains("ability to work", StringComparison.Ordinal));
    }

    [Fact]
    public void DecideSinglePerson_LiyangSeriouslyIllWithoutMedicalAssistance_Ineligible()
    {
        // Seed 000 (Liyang): a major illness counts only when the person already receives medical assistance.
        HouseholdBuilder b = FamilyWithSeriouslyIllMember("liyang", WorkAbility.Partial);

        DibaoDecision decision = _service.DecideSinglePerson(b.Build(), b.IdOf(2), Date);

        Assert.Equal(DecisionOutcome.Ineligible, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Contains("medical assistance", StringComparison.Ordinal));
    }

    [Fact]
    public void DecideSinglePerson_LiyangBelowTwiceStandard_PaysFullStandard()
    {
        // Per-capita 3,000 / 3 = 1,000: above the 840 standard, below 2 × 840 = 1,680.
        HouseholdBuilder b = LiyangFamilyWithIntellectualGrade3(3000m);

        DibaoDecision decision = _service.DecideSinglePerson(b.Build(), b.IdOf(2), Date);

        Assert.Equal(DecisionOutcome.Eligible, decision.Outcome);
        Assert.Equal(1.0m * 840m, decision.Amount);
        Assert.True(decision.Explanation.Applied("single-person.difference"));
        Assert.Equal(decision.Amount, decision.Explanation.TotalContribution);
    }

    [Fact]
    public void DecideSinglePerson_PersonWithOwnIncome_StillAtLeastFullStandardInLiyang()
    {
        HouseholdBuilder b = LiyangFamilyWithIntellectualGrade3(3000m).IncomeOf(2, IncomeKind.Transfer, 300m);

        DibaoDecision decision = _service.DecideSinglePerson(b.Build(), b.IdOf(2), Date);

        Assert.Equal(840m, decision.Amount);
        Assert.Equal(840m - 300m, decision.Explanation.Find("single-person.difference")!.Contribution);
        Assert.Equal(300m, decision.Explanation.Find("single-person.minimum-share")!.Contribution);
    }

    [Fact]
    public void DecideSinglePerson_LiyangAtTwiceStandard_Ineligible()
    {
        HouseholdBuilder b = LiyangFamilyWithIntellectualGrade3(3m * 1680m);

        DibaoDecision decision = _service.DecideSinglePerson(b.Build(), b.IdOf(2), Date);

        Assert.Equal(DecisionOutcome.Ineligible, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Contains("2 × the standard", StringComparison.Ordinal));
    }

    [Fact]
    public void DecideSinglePerson_QingdaoNationalMultiple_RejectsWhatLiyangAccepts()
    {
        // 1,200 per capita: below Liyang's 2 × 840 but not below Qingdao's 1.5 × 700 = 1,050.
        HouseholdBuilder b = HouseholdBuilder.In("qingdao/shinan").Adults(2)
            .Member(new DateOnly(1990, 1, 1), m => m with { Disability = new Disability(DisabilityType.Physical, 1) });
        b.IncomeOf(0, IncomeKind.Wages, 3600m);

        DibaoDecision decision = _service.DecideSinglePerson(b.Build(), b.IdOf(2), Date);

        Assert.Equal(DecisionOutcome.Ineligible, decision.Outcome);
    }

    [Fact]
    public void DecideSinglePerson_MajorIllnessWithMedicalAssistance_QingdaoPaysDifference()
    {
        HouseholdBuilder b = HouseholdBuilder.In("qingdao/shinan").Adults(2)
            .Member(new DateOnly(1970, 1, 1), m => m with { HasMajorIllness = true, ReceivesMedicalAssistance = true });
        b.IncomeOf(0, IncomeKind.Wages, 2700m).IncomeOf(2, IncomeKind.Transfer, 100m);

        DibaoDecision decision = _service.DecideSinglePerson(b.Build(), b.IdOf(2), Date);

        Assert.Equal(DecisionOutcome.Eligible, decision.Outcome);
        Assert.Equal(700m - 100m, decision.Amount);
        Assert.False(decision.Explanation.Applied("single-person.minimum-share"));
    }

    [Fact]
    public void DecideSinglePerson_MajorIllnessWithoutMedicalAssistance_Ineligible()
    {
        HouseholdBuilder b = LiyangFamilyWithIntellectualGrade3(4000m)
            .Member(new DateOnly(1960, 1, 1), m => m with { HasMajorIllness = true });

        DibaoDecision decision = _service.DecideSinglePerson(b.Build(), b.IdOf(3), Date);

        Assert.Equal(DecisionOutcome.Ineligible, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Contains("major illness with medical assistance", StringComparison.Ordinal));
    }

    [Fact]
    public void DecideSinglePerson_HouseholdEligibleAsWhole_IneligibleAndPointsToDibao()
    {
        HouseholdBuilder b = LiyangFamilyWithIntellectualGrade3(300m);

        DibaoDecision decision = _service.DecideSinglePerson(b.Build(), b.IdOf(2), Date);

        Assert.Contains(decision.Reasons, r => r.Contains("eligible for dibao as a whole", StringComparison.Ordinal));
    }
}
