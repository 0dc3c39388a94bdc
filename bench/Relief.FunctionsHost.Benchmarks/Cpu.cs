using System.Globalization;

namespace Relief.FunctionsHost.Benchmarks;

/// <summary>CPU seconds (user + system) of a process, optionally with all its descendants, from /proc.</summary>
internal static class Cpu
{
    private const double TicksPerSecond = 100;

    public static double Seconds(int pid, bool includeChildren)
    {
        var total = Own(pid);
        if (includeChildren) foreach (var child in Children(pid)) total += Seconds(child, includeChildren: true);
        return total;
    }

    private static double Own(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static IEnumerable<int> Children(int pid)
    {
        var tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks)) yield break;
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(task, "children"));
            }
            catch (IOException)
            {
                continue;
            }

            foreach (var child in text.Split(' ', StringSplitOptions.RemoveEmptyEntries)) yield return int.Parse(child, CultureInfo.InvariantCulture);
        }
    }
}
