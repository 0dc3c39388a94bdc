using System.Globalization;
using Relief.Domain.Validation;

namespace Relief.Domain.Households;

/// <summary>
/// An 18-character resident identity number (公民身份号码, GB 11643-1999): six-digit address code,
/// eight-digit birth date (yyyyMMdd), three-digit sequence code and an ISO 7064 MOD 11-2 check
/// character (0–9 or X). Only valid numbers can be constructed, through <see cref="Parse"/>.
/// </summary>
public sealed class ResidentIdNumber : IEquatable<ResidentIdNumber>
{
    /// <summary>The field name used in validation errors.</summary>
    public const string DefaultField = "residentId";

    private const string CheckCharacters = "10X98765432";
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The normalised 18-character number (upper-case X).</summary>
    public string Value { get; }

    /// <summary>The birth date encoded in characters 7–14.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>
    /// Validates and parses a number. Rejects a wrong length, non-digits, an impossible birth date
    /// (not a calendar date, before 1900, or after <paramref name="notAfter"/> when given) and a wrong
    /// check character; each error names <paramref name="field"/>.
    /// </summary>
    public static Validated<ResidentIdNumber> Parse(string? input, string field = DefaultField, DateOnly? notAfter = null)
    {
        string value = (input ?? string.Empty).Trim().ToUpperInvariant();
        if (value.Length != 18)
        {
            return Validated<ResidentIdNumber>.Invalid(new ValidationError(field, $"{field}: a resident ID number has 18 characters, this one has {value.Length}."));
        }

        for (int i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return Validated<ResidentIdNumber>.Invalid(new ValidationError(field, $"{field}: character {i + 1} must be a digit."));
            }
        }

        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X')
        {
            return Validated<ResidentIdNumber>.Invalid(new ValidationError(field, $"{field}: the check character (18th) must be a digit or X."));
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly birth)
            || birth.Year < 1900
            || (notAfter is { } limit && birth > limit))
        {
            return Validated<ResidentIdNumber>.Invalid(new ValidationError(field, $"{field}: the birth date {value.Substring(6, 8)} is not a possible birth date."));
        }

        char expected = ComputeCheckCharacter(value.AsSpan(0, 17));
        if (value[17] != expected)
        {
            return Validated<ResidentIdNumber>.Invalid(new ValidationError(field, $"{field}: the check character is {value[17]} but the first 17 digits require {expected}."));
        }

        return Validated<ResidentIdNumber>.Valid(new ResidentIdNumber(value, birth));
    }

    /// <summary>Computes the GB 11643 check character for the first 17 digits.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Exactly 17 digits are required.", nameof(first17));
        }

        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Age in whole years on <paramref name="asOf"/>.</summary>
    public int AgeOn(DateOnly asOf)
    {
        int age = asOf.Year - BirthDate.Year;
        if (asOf < BirthDate.AddYears(age))
        {
            age--;
        }

        return age;
    }

    public bool Equals(ResidentIdNumber? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => Equals(obj as ResidentIdNumber);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Masked form for logs and displays (never log the full number).</summary>
    public override string ToString() => string.Concat(Value.AsSpan(0, 6), "********", Value.AsSpan(14, 4));
}
