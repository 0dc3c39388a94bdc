namespace Relief.Testing;

/// <summary>Unique, storage-legal resource names so tests sharing one Azurite never collide.</summary>
public static class UniqueNames
{
    private static int _counter;

    /// <summary>A queue or container name: lower-case letters, digits and dashes, 3–63 characters.</summary>
    public static string Queue(string prefix = "q") => $"{Clean(prefix)}-{Suffix()}";

    /// <summary>A blob container name (same rules as queues).</summary>
    public static string Container(string prefix = "c") => Queue(prefix);

    /// <summary>A table name: letters and digits only, starting with a letter, 3–63 characters.</summary>
    public static string Table(string prefix = "t") => $"{new string(prefix.Where(char.IsLetter).ToArray())}{Suffix()}";

    private static string Suffix() =>
        $"{Environment.ProcessId:x}{Interlocked.Increment(ref _counter):x}{Guid.NewGuid():N}"[..20];

    private static string Clean(string prefix) =>
        new string(prefix.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray()).Trim('-') is { Length: > 0 } p ? p[..Math.Min(p.Length, 30)] : "x";
}
