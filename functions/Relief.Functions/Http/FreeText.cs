using System.Globalization;

namespace Relief.Functions.Http;

/// <summary>
/// Free text (notes, reasons, findings) as the audit trail and the public notice show it: at most a bound, and no
/// control characters other than line breaks and tabs, no bidirectional-override or isolate characters (which can make
/// a note read differently from what was stored).
/// </summary>
public static class FreeText
{
    /// <summary>Null when <paramref name="value"/> is acceptable free text; otherwise the error, naming <paramref name="field"/>.</summary>
    public static string? Problem(string field, string? value, int maxLength)
    {
        if (value is null) return null;
        if (value.Length > maxLength) return $"{field}: at most {maxLength} characters.";
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (IsRefused(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{field}: character U+{(int)c:X4} at position {i} is not allowed (control or bidirectional-override characters).");
            }
        }

        return null;
    }

    /// <summary>True for a character refused in free text.</summary>
    public static bool IsRefused(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
        || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
