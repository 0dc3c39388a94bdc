using System.Globalization;

namespace Relief.Durable.Benchmarks;

/// <summary>
/// CPU time used by the Azurite (node) process this benchmark started (Linux /proc; NaN elsewhere). Tells
/// whether Azurite was the bottleneck of a run, and what the engine's requests really cost it.
/// </summary>
internal static class AzuriteCpu
{
    /// <summary>CPU seconds of the node processes started by this process (through the Azurite wrapper shell).</summary>
    public static double Seconds()
    {
        if (!Directory.Exists("/proc")) return double.NaN;
        var me = Environment.ProcessId;
        var total = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            var stat = ReadStat(pid);
            if (stat is null || stat.Value.Name != "node") continue;
            var parent = ReadStat(stat.Value.ParentId);
            if (parent is null || parent.Value.ParentId != me) continue;
            total += stat.Value.CpuSeconds;
        }
        return total;
    }

    private static (string Name, int ParentId, double CpuSeconds)? ReadStat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            // Fields after the name: state, ppid, ..., utime (12th), stime (13th), in clock ticks (100/s).
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (stat[(open + 1)..close], int.Parse(fields[1], CultureInfo.InvariantCulture), ticks / 100.0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null; // The process ended or is not readable.
        }
    }
}
