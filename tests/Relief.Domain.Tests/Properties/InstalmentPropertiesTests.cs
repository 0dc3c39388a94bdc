using CsCheck;
using Relief.Domain.Money;

namespace Relief.Domain.Tests.Properties;

/// <summary>Property-based tests (CsCheck) of the money split used for instalment plans.</summary>
public class InstalmentPropertiesTests
{
    [Fact]
    public void SplitExactly_AnyAmountAndParts_AddsUpNeverNegative()
    {
        Gen.Select(Gen.Long[0, 3_000_000], Gen.Int[1, 24]).Sample(t =>
        {
            decimal total = t.Item1 / 100m;
            IReadOnlyList<decimal> parts = MoneyRounding.SplitExactly(total, t.Item2);
            return parts.Sum() == total && parts.All(p => p >= 0m) && parts.Max() - parts.Min() <= 0.01m;
        });
    }
}
