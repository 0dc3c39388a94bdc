using System.Text.RegularExpressions;

namespace Relief.Cases.Storage;

/// <summary>Checks of the names and ids the adapters put in table keys, blob paths and queue names.</summary>
public static partial class StorageNames
{
    /// <summary>
    /// True for a case id usable as a table key and blob folder: 1–100 characters of ASCII letters, digits,
    /// <c>-</c> and <c>_</c>.
    /// </summary>
    public static bool IsValidCaseId(string? caseId) => caseId is not null && CaseId().IsMatch(caseId);

    /// <summary>Throws <see cref="ArgumentException"/> for an invalid case id.</summary>
    public static void ThrowIfInvalidCaseId(string? caseId, string paramName = "caseId")
    {
        if (!IsValidCaseId(caseId))
        {
            throw new ArgumentException("A case id is 1–100 ASCII letters, digits, '-' or '_'.", paramName);
        }
    }

    internal static void ThrowIfInvalidTable(string? name, string option)
    {
        if (name is null || !Table().IsMatch(name))
        {
            throw new ArgumentException($"{option}: '{name}' is not a table name (3–63 letters and digits, starting with a letter).", option);
        }
    }

    internal static void ThrowIfInvalidContainerOrQueue(string? name, string option)
    {
        if (name is null || !ContainerOrQueue().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{option}: '{name}' is not a queue or container name (3–63 lower-case letters, digits and single dashes).", option);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex CaseId();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex Table();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$")]
    private static partial Regex ContainerOrQueue();
}
