using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;


namespace Relief.Testing;

/// <summary>
/// The local Functions host run as a real OS process on a built app folder, against the test run's Azurite:
/// what a developer gets from the README's run command. Settings go through a local.settings.json of its own;
/// environment variables override host.json (<c>AzureFunctionsJobHost__…</c>).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public int Port { get; }

    public HttpClient Client { get; }

    /// <summary>Everything the host printed so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public int ProcessId => _process.Id;

    /// <summary>Starts the host; with <paramref name="waitUntilRunning"/> waits for <c>/admin/host/status</c> to say Running.</summary>
    public static async Task<HostProcess> StartAsync(
        IReadOnlyDictionary<string, string> settings,
        IReadOnlyDictionary<string, string>? environment = null,
        string? appFolder = null,
        bool waitUntilRunning = true,
        string? staticRoot = null)
    {
        var azurite = await AzuriteServer.Shared;
        var values = new Dictionary<string, string>(settings) { ["AzureWebJobsStorage"] = azurite.ConnectionString, ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated" };
        var settingsFile = Path.Combine(Path.GetTempPath(), $"relief-host-{Guid.NewGuid():N}.settings.json");
        await File.WriteAllTextAsync(settingsFile, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { RepositoryPaths.HostAssembly, "--script-root", appFolder ?? RepositoryPaths.ConformanceApp, "--settings", settingsFile, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (staticRoot is not null)
        {
            start.ArgumentList.Add("--static-root");
            start.ArgumentList.Add(staticRoot);
        }

        start.Environment["AzureFunctionsJobHost__logging__logLevel__default"] = "Information";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process, port);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => host.Kill();
        if (waitUntilRunning) await host.WaitUntilRunningAsync(TimeSpan.FromSeconds(90));
        return host;
    }

    /// <summary>Waits for the host to report Running; fails with its output if it exits or takes too long.</summary>
    public async Task WaitUntilRunningAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                using var status = JsonDocument.Parse(await Client.GetStringAsync("admin/host/status"));
                var state = status.RootElement.GetProperty("state").GetString();
                if (state == "Running") return;
                if (state == "Error") throw new InvalidOperationException("The host failed to start:\n" + Output);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The host did not report Running within {timeout}:\n{Output}");
    }

    /// <summary>The bash watchdog's process id and, under it, the worker's.</summary>
    public async Task<int> WorkerProcessIdAsync()
    {
        using var status = JsonDocument.Parse(await Client.GetStringAsync("admin/host/status"));
        var watchdog = status.RootElement.GetProperty("workerProcessId").GetInt32();
        var children = await File.ReadAllTextAsync($"/proc/{watchdog}/task/{watchdog}/children");
        return int.Parse(children.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits for the process to end and its output to be read to the end; false if it did not end
    /// within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token); // also waits for the redirected output to end
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM (what a service manager or Ctrl+C sends), then waits.</summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return true;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        return await WaitForExitAsync(timeout);
    }

    /// <summary>SIGKILL: the host dies at once, as in a crash.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!await StopAsync(TimeSpan.FromSeconds(30))) Kill();
        await WaitForExitAsync(TimeSpan.FromSeconds(10));
        Client.Dispose();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
