using System.Globalization;

namespace Relief.Cases.Payments;

/// <summary>A calendar month paid by the monthly payroll (发放月份), written <c>yyyy-MM</c>.</summary>
public readonly record struct PayPeriod : IComparable<PayPeriod>
{
    /// <summary>Creates a period; the year is 2000–2199.</summary>
    public PayPeriod(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2199);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month, 1–12.</summary>
    public int Month { get; }

    /// <summary>The month before this one.</summary>
    public PayPeriod Previous => Month == 1 ? new PayPeriod(Year - 1, 12) : new PayPeriod(Year, Month - 1);

    /// <summary>The month after this one.</summary>
    public PayPeriod Next => Month == 12 ? new PayPeriod(Year + 1, 1) : new PayPeriod(Year, Month + 1);

    /// <summary>The month containing <paramref name="date"/>.</summary>
    public static PayPeriod Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>Parses <c>yyyy-MM</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out PayPeriod period)
    {
        period = default;
        if (text is null || text.Length != 7 || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month)
            || year is < 2000 or > 2199 || month is < 1 or > 12)
        {
            return false;
        }

        period = new PayPeriod(year, month);
        return true;
    }

    /// <summary>Parses <c>yyyy-MM</c>; throws <see cref="FormatException"/> naming the text otherwise.</summary>
    public static PayPeriod Parse(string text) =>
        TryParse(text, out PayPeriod period) ? period : throw new FormatException($"'{text}' is not a pay period (yyyy-MM, 2000-01 to 2199-12).");

    /// <inheritdoc />
    public int CompareTo(PayPeriod other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    /// <summary>Months from <paramref name="other"/> to this period (negative when earlier).</summary>
    public int MonthsSince(PayPeriod other) => (Year * 12 + Month) - (other.Year * 12 + other.Month);

    public static bool operator <(PayPeriod left, PayPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(PayPeriod left, PayPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(PayPeriod left, PayPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PayPeriod left, PayPeriod right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");
}
