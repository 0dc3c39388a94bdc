namespace Relief.Functions.Benchmarks;

/// <summary>Reads Azurite's debug log: one "StorageContextMiddleware: RequestMethod=" line per request. The time
/// stamps on the lines are when Azurite wrote them (seconds behind the requests under load), so requests are told
/// apart by what they name, not by when they were logged.</summary>
internal static class RequestLog
{
    private const string Marker = "StorageContextMiddleware: RequestMethod=";

    /// <summary>Waits until the log stops growing for two seconds (Azurite has written what it had queued).</summary>
    public static async Task SettledAsync(string log)
    {
        var last = -1L;
        for (var stable = 0; stable < 4;)
        {
            await Task.Delay(500);
            var size = new FileInfo(log).Length;
            stable = size == last ? stable + 1 : 0;
            last = size;
        }
    }

    /// <summary>Requests whose URL does not name a table starting with <paramref name="excludedTablePrefix"/>
    /// (the raw-capacity probe's tables), i.e. everything the app and its host sent.</summary>
    public static long CountExcept(string log, string excludedTablePrefix)
    {
        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        long count = 0;
        while (reader.ReadLine() is { } line)
        {
            var at = line.IndexOf(Marker, StringComparison.Ordinal);
            if (at < 0) continue;
            if (line.Contains("/devstoreaccount1/" + excludedTablePrefix, StringComparison.Ordinal) ||
                line.Contains("Tables('" + excludedTablePrefix, StringComparison.Ordinal)) continue;
            count++;
        }

        return count;
    }
}
