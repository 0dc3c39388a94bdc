using Relief.Domain.Households;
using Relief.Domain.Tekun;

namespace Relief.Domain.Tests.Tekun;

public class CareTierAssessmentTests
{
    [Theory]
    [InlineData(0, CareTier.SelfCare)]
    [InlineData(1, CareTier.PartialCare)]
    [InlineData(3, CareTier.PartialCare)]
    [InlineData(4, CareTier.FullCare)]
    [InlineData(6, CareTier.FullCare)]
    public void From_ImpossibleActivities_GivesTier(int impossible, CareTier expected)
    {
        bool[] can = Enumerable.Range(0, 6).Select(i => i >= impossible).ToArray();
        var activities = new DailyActivities(can[0], can[1], can[2], can[3], can[4], can[5]);

        Assert.Equal(impossible, activities.ImpossibleCount);
        Assert.Equal(expected, CareTierAssessment.From(activities));
    }
}
