using Relief.Domain.Households;

namespace Relief.Domain.Tests.Households;

public class DisabilityTests
{
    [Theory]
    [InlineData(DisabilityType.Physical, 2, true)]
    [InlineData(DisabilityType.Physical, 3, false)]
    [InlineData(DisabilityType.Intellectual, 3, true)]
    [InlineData(DisabilityType.Mental, 3, true)]
    [InlineData(DisabilityType.Visual, 1, true)]
    [InlineData(DisabilityType.Visual, 2, false)]
    [InlineData(DisabilityType.Hearing, 1, false)]
    public void RemovesWorkAbilityForTekun_TypeAndGrade_FollowsRule43(DisabilityType type, int grade, bool expected)
    {
        Assert.Equal(expected, new Disability(type, grade).RemovesWorkAbilityForTekun);
    }

    [Theory]
    [InlineData(DisabilityType.Hearing, 2, true)]
    [InlineData(DisabilityType.Physical, 3, false)]
    [InlineData(DisabilityType.Mental, 3, true)]
    [InlineData(DisabilityType.Intellectual, 4, false)]
    public void IsSevereForSinglePersonInclusion_TypeAndGrade_FollowsArticle8(DisabilityType type, int grade, bool expected)
    {
        Assert.Equal(expected, new Disability(type, grade).IsSevereForSinglePersonInclusion);
    }

    [Fact]
    public void Constructor_GradeFive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Disability(DisabilityType.Physical, 5));
    }
}
