using System.Diagnostics;
using Relief.Testing;

namespace Relief.Hosting.Tests.Timers;

/// <summary>Two separate OS processes (ProcessHost/) share one storage account and run one timer.</summary>
public sealed class MultiProcessTimerTests
{
    private static string ProcessHostDll()
    {
        // tests/Relief.Hosting.Tests/bin/{Configuration}/net10.0/ → tests/Relief.Hosting.Tests/ProcessHost/bin/{Configuration}/net10.0/
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var project = testBin.Parent.Parent!.Parent!.FullName;
        var dll = Path.Combine(project, "ProcessHost", "bin", configuration, framework, "Relief.Hosting.ProcessHost.dll");
        if (File.Exists(dll)) return dll;
        // Built in another configuration (e.g. by a solution build): take the newest.
        var any = Directory.GetFiles(Path.Combine(project, "ProcessHost", "bin"), "Relief.Hosting.ProcessHost.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        Assert.True(any is not null, $"ProcessHost not built at {dll}");
        return any;
    }

    private static Process Start(string dll, string connection, string hostId, string schedule, string recordFile)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, connection, hostId, schedule, recordFile }) start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the process host");
    }

    private static string[] Occurrences(params string[] files) =>
        files.Where(File.Exists).SelectMany(f => File.ReadAllLines(f)).Where(l => l.Length > 0)
            .Select(l => l.Split(' ')[0]) // the scheduled time (the IsPastDue flag follows)
            .ToArray();

    [Fact]
    public async Task Timer_TwoHostProcessesShareStorage_EachOccurrenceRunsOnce()
    {
        var azurite = await AzuriteServer.Shared;
        var dll = ProcessHostDll();
        var hostId = UniqueNames.Queue("p")[..20];
        var folder = Directory.CreateTempSubdirectory("relief-procs-").FullName;
        var fileA = Path.Combine(folder, "a.txt");
        var fileB = Path.Combine(folder, "b.txt");

        using var a = Start(dll, azurite.ConnectionString, hostId, "*/2 * * * * *", fileA);
        using var b = Start(dll, azurite.ConnectionString, hostId, "*/2 * * * * *", fileB);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (Occurrences(fileA, fileB).Distinct().Count() < 6)
            {
                Assert.True(DateTime.UtcNow < deadline, "six occurrences within 90 s");
                Assert.False(a.HasExited || b.HasExited, "both hosts keep running");
                await Task.Delay(100);
            }
        }
        finally
        {
            // Closing standard input stops each host gracefully.
            a.StandardInput.Close();
            b.StandardInput.Close();
            foreach (var process in new[] { a, b })
            {
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }

        var runs = Occurrences(fileA, fileB);
        var duplicates = runs.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.Empty(duplicates);
        Assert.True(runs.Length >= 6);
    }
}
