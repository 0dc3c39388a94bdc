using Relief.Domain.Money;

namespace Relief.Domain.Tests.Money;

public class MoneyRoundingTests
{
    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("0.004", "0.00")]
    [InlineData("1146.595", "1146.60")]
    [InlineData("2.675", "2.68")]
    [InlineData("-0.005", "-0.01")]
    public void ToFen_Midpoint_RoundsHalfAwayFromZero(string input, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), MoneyRounding.ToFen(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ToFenNotNegative_NegativeAmount_ReturnsZero()
    {
        Assert.Equal(0m, MoneyRounding.ToFenNotNegative(-12.34m));
    }

    [Theory]
    [InlineData(100, 3)]
    [InlineData(0.01, 3)]
    [InlineData(3189.90, 7)]
    [InlineData(0, 2)]
    public void SplitExactly_AnyAmount_PartsAddUpAndDifferByAtMostOneFen(decimal total, int parts)
    {
        IReadOnlyList<decimal> split = MoneyRounding.SplitExactly(total, parts);

        Assert.Equal(parts, split.Count);
        Assert.Equal(total, split.Sum());
        Assert.True(split.Max() - split.Min() <= 0.01m);
        Assert.All(split, p => Assert.Equal(MoneyRounding.ToFen(p), p));
    }

    [Fact]
    public void SplitExactly_FractionOfFen_Throws()
    {
        Assert.Throws<ArgumentException>(() => MoneyRounding.SplitExactly(1.005m, 2));
    }
}
