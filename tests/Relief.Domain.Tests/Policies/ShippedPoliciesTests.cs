using Relief.Domain.Policies;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Policies;

public class ShippedPoliciesTests
{
    private static readonly DateOnly Qingdao2020 = new(2020, 4, 1);

    [Fact]
    public void LoadShipped_AllFiles_LoadWithoutErrors()
    {
        Assert.Equal(["liyang", "qingdao", "quanzhou-taishang", "shijiazhuang-qiaoxi"], ShippedData.Catalog.Jurisdictions.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("shinan")]
    [InlineData("shibei")]
    [InlineData("licang")]
    [InlineData("laoshan")]
    [InlineData("huangdao")]
    [InlineData("chengyang")]
    [InlineData("jimo")]
    public void Qingdao_SevenDistricts_UrbanAndRural700(string district)
    {
        PolicyParameters p = ShippedData.Policy("qingdao/" + district, Qingdao2020);

        Assert.Equal(700m, p.Dibao.UrbanStandard);
        Assert.Equal(700m, p.Dibao.RuralStandard);
    }

    [Theory]
    [InlineData("jiaozhou")]
    [InlineData("pingdu")]
    [InlineData("laixi")]
    public void Qingdao_ThreeCities_Urban630Rural520(string city)
    {
        PolicyParameters p = ShippedData.Policy("qingdao/" + city, Qingdao2020);

        Assert.Equal(630m, p.Dibao.UrbanStandard);
        Assert.Equal(520m, p.Dibao.RuralStandard);
    }

    [Fact]
    public void Qingdao_BeforeApril2020_NoPolicy()
    {
        Assert.False(ShippedData.Catalog.Find(Relief.Domain.Households.JurisdictionCode.Parse("qingdao/shinan"), new DateOnly(2020, 3, 31)).Found);
    }

    [Fact]
    public void Qingdao_Temporary_YearlyCap30000And24Hours()
    {
        PolicyParameters p = ShippedData.Policy("qingdao/shinan", Qingdao2020);

        Assert.Equal(30000m, p.Temporary!.YearlyCapPerHousehold);
        Assert.Equal(24, p.Temporary.AdvanceReliefHours);
        Assert.Equal(20, p.Procedure.OverallWorkingDays);
    }

    [Fact]
    public void QuanzhouTaishang_Standard_Is45PercentOfMinimumWage()
    {
        PolicyParameters p = ShippedData.Policy("quanzhou-taishang", new DateOnly(2022, 6, 1));

        Assert.Equal(0.45m * p.MinimumWage, p.Dibao.UrbanStandard);
        Assert.Equal(p.Dibao.UrbanStandard, p.Dibao.RuralStandard);
        Assert.Equal(1.30m, p.Tekun!.BasicMultipleOfDibaoStandard);
        Assert.Equal((0.10m, 0.25m, 0.50m), (p.Tekun.SelfCareShareOfMinimumWage, p.Tekun.PartialCareShareOfMinimumWage, p.Tekun.FullCareShareOfMinimumWage));
        Assert.Equal(1.50m, p.Tekun.InstitutionalMultiple);
        Assert.Equal(0.25m, p.Temporary!.BandShare);
    }

    [Fact]
    public void Liyang_SinglePerson_TwiceStandardAndFullStandardFloor()
    {
        PolicyParameters p = ShippedData.Policy("liyang", new DateOnly(2020, 1, 1));

        Assert.Equal(new SinglePersonRule(2.0m, 1.0m), p.Dibao.SinglePerson);
    }

    [Fact]
    public void Qiaoxi_DeductionAndReview_FromSeed002()
    {
        PolicyParameters p = ShippedData.Policy("shijiazhuang-qiaoxi", new DateOnly(2022, 1, 1));

        Assert.Equal(new EmploymentCostDeduction(0.20m, DeductionBase.EmploymentIncome), p.Dibao.EmploymentCostDeduction);
        Assert.Equal(12, p.Dibao.ReviewMonthsStable);
        Assert.Equal(6, p.Dibao.ReviewMonthsIrregular);
    }
}
