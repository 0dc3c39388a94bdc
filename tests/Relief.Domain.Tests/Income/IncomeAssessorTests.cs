using Relief.Domain.Explanations;
using Relief.Domain.Households;
using Relief.Domain.Income;
using Relief.Domain.Policies;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Income;

public class IncomeAssessorTests
{
    private static readonly DateOnly Date = new(2025, 3, 1);

    [Fact]
    public void Assess_WorkingMemberInQiaoxi_WageReducedByEmploymentCostBeforePerCapita()
    {
        HouseholdBuilder b = HouseholdBuilder.In("shijiazhuang-qiaoxi").Urban().Adults(2);
        Household household = b.IncomeOf(0, IncomeKind.Wages, 1000m).Build();
        PolicyParameters policy = ShippedData.Policy("shijiazhuang-qiaoxi", Date);

        IncomeAssessment result = IncomeAssessor.Assess(household, policy);

        decimal deduction = policy.Dibao.EmploymentCostDeduction!.Rate * 1000m;
        Assert.Equal(200m, deduction);
        Assert.Equal(deduction, result.Deductions);
        Assert.Equal(800m, result.CountedMonthlyIncome);
        Assert.Equal(400m, result.PerCapitaMonthlyIncome);
        ExplanationStep step = Assert.Single(result.Steps, s => s.Rule == "income.deduction.employment-cost");
        Assert.Equal(-200m, step.Result);
        Assert.Contains(step.Inputs, i => i.Name == "rate" && i.Value == "0.20");
    }

    [Fact]
    public void Assess_MinimumWageBase_DeductsShareOfMinimumWageCappedAtWage()
    {
        PolicyParameters policy = TestPolicies.Parse(v => v["dibao"]!["employmentCostDeduction"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "rate": 0.3, "base": "minimumWage" }"""));
        HouseholdBuilder b = HouseholdBuilder.In("testville").Urban().Adults(3);
        Household household = b.IncomeOf(0, IncomeKind.Wages, 1500m).IncomeOf(1, IncomeKind.Wages, 400m).Build();

        IncomeAssessment result = IncomeAssessor.Assess(household, policy);

        // 30% of the 2000 minimum wage = 600 for the first earner; the second earner's 400 caps the deduction.
        Assert.Equal(600m + 400m, result.Deductions);
        Assert.Equal(900m, result.CountedMonthlyIncome);
        Assert.Equal(300m, result.PerCapitaMonthlyIncome);
    }

    [Fact]
    public void Assess_NotCountedKinds_AreLeftOutAndExplained()
    {
        HouseholdBuilder b = HouseholdBuilder.In("qingdao/shinan").Urban().Adults(2);
        Household household = b
            .IncomeOf(0, IncomeKind.Wages, 600m)
            .IncomeOf(1, IncomeKind.Scholarship, 500m)
            .Income(IncomeKind.SocialAssistance, 300m)
            .Income(IncomeKind.HonoursAndAwards, 100m)
            .Build();

        IncomeAssessment result = IncomeAssessor.Assess(household, ShippedData.Policy("qingdao/shinan", Date));

        Assert.Equal(600m, result.GrossCountedMonthlyIncome);
        Assert.Equal(300m, result.PerCapitaMonthlyIncome);
        Assert.Equal(3, result.Steps.Count(s => s.Rule == "income.excluded.kind"));
    }

    // DOMAIN.md § Rules made precise, "National rules and local parameters are layered by date": 民发〔2021〕57号
    // (in force 2021-07-01) takes the residents' basic pension out of income during the 14th five-year plan, whatever
    // the older local file (Qingdao's of 2020, seed 001) says.
    [Fact]
    public void Assess_ResidentBasicPension_Qingdao2020File_CountedBeforeTheNationalRule_NotCountedFrom20210701()
    {
        Household household = HouseholdBuilder.In("qingdao/shinan").Adults(1).Income(IncomeKind.ResidentBasicPension, 200m).Build();

        IncomeAssessment before = IncomeAssessor.Assess(household, ShippedData.Policy("qingdao/shinan", new DateOnly(2021, 6, 30)));
        IncomeAssessment from = IncomeAssessor.Assess(household, ShippedData.Policy("qingdao/shinan", new DateOnly(2021, 7, 1)));

        Assert.Equal(200m, before.PerCapitaMonthlyIncome);
        Assert.Equal(0m, from.PerCapitaMonthlyIncome);
        ExplanationStep step = Assert.Single(from.Steps, s => s.Rule == "income.excluded.national");
        Assert.Contains("民发〔2021〕57号", step.Description, StringComparison.Ordinal);
        Assert.Contains(step.Inputs, i => i.Name == "effectiveFrom" && i.Value == "2021-07-01");
        Assert.DoesNotContain("assumption", step.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_ResidentBasicPension_AfterTheStatedPeriod_AppliedAsLastKnown_AndTheExplanationSaysSo()
    {
        Household household = HouseholdBuilder.In("qingdao/shinan").Adults(1).Income(IncomeKind.ResidentBasicPension, 200m).Build();

        IncomeAssessment result = IncomeAssessor.Assess(household, ShippedData.Policy("qingdao/shinan", new DateOnly(2026, 3, 1)));

        Assert.Equal(0m, result.PerCapitaMonthlyIncome);
        ExplanationStep step = Assert.Single(result.Steps, s => s.Rule == "income.excluded.national");
        Assert.Contains("2025-12-31", step.Description, StringComparison.Ordinal);
        Assert.Contains("no later text is loaded", step.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_ResidentBasicPension_QiaoxiExcludesItLocally_SoAlsoBeforeTheNationalRule()
    {
        Household household = HouseholdBuilder.In("shijiazhuang-qiaoxi").Adults(1).Income(IncomeKind.ResidentBasicPension, 200m).Build();

        IncomeAssessment result = IncomeAssessor.Assess(household, ShippedData.Policy("shijiazhuang-qiaoxi", new DateOnly(2021, 6, 1)));

        Assert.Equal(0m, result.PerCapitaMonthlyIncome);
        Assert.Contains(result.Steps, s => s.Rule == "income.excluded.kind");
    }

    [Fact]
    public void Assess_ImprisonedMember_NotCountedAndIncomeIgnored()
    {
        HouseholdBuilder b = HouseholdBuilder.In("qingdao/shinan").Adults(2)
            .Member(new DateOnly(1985, 5, 5), m => m with { Status = MemberStatus.Imprisoned });
        Household household = b.IncomeOf(0, IncomeKind.Wages, 600m).IncomeOf(2, IncomeKind.Wages, 900m).Build();

        IncomeAssessment result = IncomeAssessor.Assess(household, ShippedData.Policy("qingdao/shinan", Date));

        Assert.Equal(2, result.Members);
        Assert.Equal(300m, result.PerCapitaMonthlyIncome);
        Assert.Contains(result.Steps, s => s.Rule == "income.excluded.non-member");
    }

    [Fact]
    public void Assess_RigidExpenditureWherePolicyDeducts_ReducesIncomeNotBelowZero()
    {
        Household household = HouseholdBuilder.In("qingdao/shinan").Adults(2)
            .Income(IncomeKind.Business, 1000m)
            .Rigid(RigidExpenditureKind.Medical, 700m)
            .Rigid(RigidExpenditureKind.Disability, 500m)
            .Rigid(RigidExpenditureKind.Education, 300m)
            .Build();

        IncomeAssessment result = IncomeAssessor.Assess(household, ShippedData.Policy("qingdao/shinan", Date));

        Assert.Equal(1200m, result.Deductions);
        Assert.Equal(0m, result.CountedMonthlyIncome);
        Assert.Equal(0m, result.PerCapitaMonthlyIncome);
    }

    [Fact]
    public void Assess_PerCapitaWithFractionOfFen_RoundsHalfAwayFromZero()
    {
        Household household = HouseholdBuilder.In("qingdao/shinan").Adults(3).Income(IncomeKind.Wages, 1000m).Build();

        IncomeAssessment result = IncomeAssessor.Assess(household, ShippedData.Policy("qingdao/shinan", Date));

        Assert.Equal(333.33m, result.PerCapitaMonthlyIncome);
    }
}
