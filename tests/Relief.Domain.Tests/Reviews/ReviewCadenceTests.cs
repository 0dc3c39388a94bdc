using Relief.Domain.Households;
using Relief.Domain.Reviews;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Reviews;

public class ReviewCadenceTests
{
    private static readonly DateOnly LastReview = new(2025, 3, 31);

    [Fact]
    public void ForDibao_IrregularIncomeAndAbleMember_HalfYearly()
    {
        Household household = HouseholdBuilder.In("shijiazhuang-qiaoxi").Adults(2).Income(IncomeKind.Wages, 500m, regular: false).Build();

        ReviewSchedule schedule = ReviewCadence.ForDibao(household, ShippedData.Policy("shijiazhuang-qiaoxi", LastReview), LastReview);

        Assert.Equal(ReviewFrequency.HalfYearly, schedule.Frequency);
        Assert.Equal(new DateOnly(2025, 9, 30), schedule.NextReview);
    }

    [Fact]
    public void ForDibao_IrregularIncomeButNobodyAbleToWork_Yearly()
    {
        Household household = HouseholdBuilder.In("shijiazhuang-qiaoxi")
            .Member(new DateOnly(1940, 1, 1), m => m with { WorkAbility = WorkAbility.Unable })
            .Income(IncomeKind.Transfer, 300m, regular: false)
            .Build();

        ReviewSchedule schedule = ReviewCadence.ForDibao(household, ShippedData.Policy("shijiazhuang-qiaoxi", LastReview), LastReview);

        Assert.Equal(ReviewFrequency.Yearly, schedule.Frequency);
        Assert.Equal(new DateOnly(2026, 3, 31), schedule.NextReview);
    }

    [Fact]
    public void ForDibao_RegularIncome_Yearly()
    {
        Household household = HouseholdBuilder.In("shijiazhuang-qiaoxi").Adults(2).Income(IncomeKind.Wages, 500m).Build();

        Assert.Equal(ReviewFrequency.Yearly, ReviewCadence.ForDibao(household, ShippedData.Policy("shijiazhuang-qiaoxi", LastReview), LastReview).Frequency);
    }

    [Fact]
    public void ForTekun_Always_Yearly()
    {
        ReviewSchedule schedule = ReviewCadence.ForTekun(ShippedData.Policy("quanzhou-taishang", LastReview), LastReview);

        Assert.Equal(ReviewFrequency.Yearly, schedule.Frequency);
        Assert.Equal(12, schedule.Months);
    }

    [Fact]
    public void ForTekun_PolicyWithoutTekunParameters_NationalYearlyReviewNotAnException()
    {
        // Issue 16 § 2: a figure a jurisdiction does not configure is an outcome, never an exception (Qingdao ships none).
        ReviewSchedule schedule = ReviewCadence.ForTekun(ShippedData.Policy("qingdao/shinan", new DateOnly(2024, 6, 1)), LastReview);

        Assert.Equal(ReviewFrequency.Yearly, schedule.Frequency);
        Assert.Equal(ReviewCadence.NationalTekunReviewMonths, schedule.Months);
        Assert.Contains("national yearly review", schedule.Reason, StringComparison.Ordinal);
    }
}
