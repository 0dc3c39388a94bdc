using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Relief.FunctionsHost.Worker;

/// <summary>
/// One worker OS process, started as the Functions host starts it: the app folder as working directory,
/// the app's settings as environment, and the host's gRPC address and the worker's ids as arguments (both
/// the current <c>--functions-*</c> switches and the older ones). Its stdout and stderr go to the host's
/// log. On Linux the worker runs under a small shell watchdog that ends it when the host process dies
/// (even by SIGKILL): the worker itself does not exit when its host's stream drops.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process) => _process = process;

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>The OS process id (of the watchdog on Linux; it is the worker's parent).</summary>
    public int ProcessId => _process.Id;

    public static WorkerProcess Start(WorkerStartInfo info, ILogger logger)
    {
        var worker = new List<string> { info.Config.Executable };
        if (info.Config.WorkerPath is { Length: > 0 } path) worker.Add(Path.Combine(info.AppFolder, path));
        worker.AddRange(info.Config.Arguments);
        var uri = info.HostUri.ToString();
        var max = info.MaxMessageLength.ToString(CultureInfo.InvariantCulture);
        worker.AddRange([
            "--functions-uri", uri, "--functions-worker-id", info.WorkerId, "--functions-request-id", info.RequestId,
            "--functions-grpc-max-message-length", max,
            "--host", info.HostUri.Host, "--port", info.HostUri.Port.ToString(CultureInfo.InvariantCulture),
            "--workerId", info.WorkerId, "--requestId", info.RequestId, "--grpcMaxMessageLength", max,
        ]);

        ProcessStartInfo start;
        if (OperatingSystem.IsWindows())
        {
            start = new ProcessStartInfo(worker[0]);
            foreach (var argument in worker.Skip(1)) start.ArgumentList.Add(argument);
        }
        else
        {
            // The watchdog: when the host dies its end of stdin closes, `read` returns and the worker is killed.
            start = new ProcessStartInfo("bash");
            start.ArgumentList.Add("-c");
            // A read that ends for another reason than its 1 s time-out (status <= 128) means end of input.
            start.ArgumentList.Add("\"$@\" & child=$!; trap 'kill -TERM $child 2>/dev/null' TERM; " +
                "while kill -0 $child 2>/dev/null; do read -r -t 1 _; rc=$?; " +
                "if [ $rc -ne 0 ] && [ $rc -le 128 ]; then kill -KILL $child 2>/dev/null; break; fi; done; wait $child");
            start.ArgumentList.Add("worker");
            foreach (var argument in worker) start.ArgumentList.Add(argument);
            start.RedirectStandardInput = true;
        }

        start.WorkingDirectory = info.AppFolder;
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var (key, value) in info.Environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var result = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Logs.WorkerOutput(logger, info.WorkerId, line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Logs.WorkerError(logger, info.WorkerId, line); };
        process.Exited += (_, _) =>
        {
            int code;
            try
            {
                code = process.ExitCode;
            }
            catch (InvalidOperationException)
            {
                code = -1;
            }

            result._exited.TrySetResult(code);
        };
        if (!process.Start()) throw new InvalidOperationException($"The worker '{info.Config.Executable}' did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Kills the worker (and its watchdog) at once.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.WhenAny(_exited.Task, Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System)).ConfigureAwait(false);
        _process.Dispose();
    }
}

/// <summary>What a worker is started with.</summary>
internal sealed record WorkerStartInfo(
    WorkerConfig Config,
    string AppFolder,
    Uri HostUri,
    string WorkerId,
    string RequestId,
    int MaxMessageLength,
    IReadOnlyDictionary<string, string> Environment);
