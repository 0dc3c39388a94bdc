namespace Relief.Domain.Money;

/// <summary>
/// The one rounding rule for money (金额取整规则): amounts are <see cref="decimal"/> yuan (元) and are
/// rounded to the fen (分, 0.01 yuan) half away from zero — the usual Chinese 四舍五入.
/// Every amount a decision returns, and every intermediate figure it shows in an explanation,
/// goes through <see cref="ToFen"/>; nothing else in the library rounds money.
/// </summary>
public static class MoneyRounding
{
    /// <summary>The midpoint rule used everywhere: 0.005 yuan rounds up to 0.01 yuan (四舍五入).</summary>
    public const MidpointRounding Rule = MidpointRounding.AwayFromZero;

    /// <summary>Number of decimal places kept: two, the fen.</summary>
    public const int Decimals = 2;

    /// <summary>Rounds a yuan amount to the fen with <see cref="Rule"/>.</summary>
    public static decimal ToFen(decimal yuan) => Math.Round(yuan, Decimals, Rule);

    /// <summary>Rounds to the fen and never returns less than zero (benefits are never negative).</summary>
    public static decimal ToFenNotNegative(decimal yuan) => Math.Max(0m, ToFen(yuan));

    /// <summary>
    /// Splits an amount into <paramref name="parts"/> fen-exact parts that add up to it exactly
    /// (no rounding involved): each part gets the same number of fen, and the first parts get one
    /// fen more until the remainder is used up. Used for instalment plans (分期救助).
    /// </summary>
    public static IReadOnlyList<decimal> SplitExactly(decimal yuan, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        if (ToFen(yuan) != yuan || yuan < 0m)
        {
            throw new ArgumentException("The amount must be a non-negative whole number of fen.", nameof(yuan));
        }

        long totalFen = (long)(yuan * 100m);
        long each = totalFen / parts;
        long remainder = totalFen % parts;
        return Enumerable.Range(0, parts).Select(i => (each + (i < remainder ? 1 : 0)) / 100m).ToArray();
    }
}
