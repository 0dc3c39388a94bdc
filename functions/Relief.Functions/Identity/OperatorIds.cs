namespace Relief.Functions.Identity;

/// <summary>
/// Operator ids (subjects of tokens, investigators named in a finding): 1–64 characters of letters, digits and
/// <c>. _ - @</c> — an id, not a name (no spaces, no Chinese characters).
/// </summary>
public static class OperatorIds
{
    /// <summary>Longest id.</summary>
    public const int MaxLength = 64;

    /// <summary>True for a well-formed id.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');

    /// <summary>An investigator named in a body as <c>0042</c> or <c>investigator:0042</c>: the id part.</summary>
    public static string WithoutRole(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        int colon = id.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? id[(colon + 1)..] : id;
    }
}
