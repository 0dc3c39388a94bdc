using System.Diagnostics;
using System.Globalization;

namespace Relief.Durable.Benchmarks;

/// <summary>CPU used by this process and by the whole machine between two samples (Linux /proc/stat).</summary>
internal sealed record CpuSample(TimeSpan Process, long MachineBusy, long MachineTotal)
{
    public static CpuSample Take()
    {
        long busy = 0, total = 0;
        if (File.Exists("/proc/stat"))
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            total = fields.Sum();
            busy = total - fields[3] - (fields.Length > 4 ? fields[4] : 0);
        }
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return new CpuSample(self.TotalProcessorTime, busy, total);
    }

    public string Since(CpuSample before, TimeSpan elapsed)
    {
        var processShare = (Process - before.Process).TotalSeconds / elapsed.TotalSeconds;
        var machine = MachineTotal > before.MachineTotal ? (double)(MachineBusy - before.MachineBusy) / (MachineTotal - before.MachineTotal) : double.NaN;
        return $"engine process {processShare * 100:F0}% of one core; machine {machine * 100:F0}% busy on {Environment.ProcessorCount} cores (Azurite, engine and anything else)";
    }
}
