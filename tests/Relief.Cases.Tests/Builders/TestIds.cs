using System.Globalization;

namespace Relief.Cases.Tests.Builders;

/// <summary>GB 11643 numbers for tests, with an independent check-character computation.</summary>
internal static class TestIds
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static string For(DateOnly birthDate, int sequence, string area = "370202")
    {
        string body = area + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (sequence % 1000).ToString("000", CultureInfo.InvariantCulture);
        int sum = body.Select((c, i) => (c - '0') * Weights[i]).Sum();
        int check = (12 - (sum % 11)) % 11;
        return body + (check == 10 ? "X" : check.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A number whose check character is wrong.</summary>
    public static string WithWrongCheck(DateOnly birthDate, int sequence)
    {
        string good = For(birthDate, sequence);
        char wrong = good[17] == '0' ? '1' : '0';
        return good[..17] + wrong;
    }
}
