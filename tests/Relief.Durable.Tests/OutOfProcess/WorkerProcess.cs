using System.Diagnostics;
using System.Globalization;
using System.Text;
using Relief.Durable.Worker;

namespace Relief.Durable.Tests.OutOfProcess;

/// <summary>A durable worker running as a separate OS process (tests/Relief.Durable.TestHost).</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static string HostDll
    {
        get
        {
            var dir = AppContext.BaseDirectory.Replace("Relief.Durable.Tests", "Relief.Durable.TestHost", StringComparison.Ordinal);
            var dll = Path.Combine(dir, "Relief.Durable.TestHost.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build tests/Relief.Durable.TestHost first.", dll);
        }
    }

    public static WorkerProcess Start(string connection, string hub, string hostId, int partitions, string episodeLog, string activityLog,
        int localBacklog = 100, string? fault = null, string? schedule = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { HostDll, connection, hub, hostId, partitions.ToString(CultureInfo.InvariantCulture), episodeLog, activityLog, localBacklog.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        start.Environment[FaultInjection.EnvironmentVariable] = fault ?? string.Empty;
        start.Environment["RELIEF_TESTHOST_SCHEDULE"] = schedule ?? string.Empty;
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the test host.");
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (worker._output) worker._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (worker._output) worker._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Waits for the process to end by itself (e.g. at an injected fault).</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>Graceful stop: the worker drains and releases its partitions.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process.HasExited) return;
        await _process.StandardInput.WriteLineAsync("stop");
        await _process.StandardInput.FlushAsync(cancellationToken);
        await _process.WaitForExitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Gone already.
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
