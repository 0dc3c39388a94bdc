using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Relief.Testing;

/// <summary>
/// A private Azurite instance for one test process: in-memory, on ports the OS picks, so a test run
/// never touches a developer's running emulator. Started once per process (<see cref="Shared"/>) and
/// stopped when the process exits; a watchdog ends Azurite even if the test host is killed.
/// Tests isolate themselves with unique resource names (<see cref="UniqueNames"/>).
/// </summary>
public sealed partial class AzuriteServer : IAsyncDisposable
{
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<Task<AzuriteServer>> SharedInstance = new(() => StartAsync(CancellationToken.None));

    private readonly Process _process;

    private AzuriteServer(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    /// <summary>The connection string for this instance (what <c>AzureWebJobsStorage</c> would hold).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>The process-wide instance, started on first use.</summary>
    public static Task<AzuriteServer> Shared => SharedInstance.Value;

    /// <summary>Starts a new private instance (for tests that must stop and restart storage).</summary>
    public static async Task<AzuriteServer> StartAsync(CancellationToken cancellationToken)
    {
        var script = FindAzuriteScript();
        // The bash wrapper is a watchdog: when this process dies its stdin pipe closes, `read` returns,
        // and the wrapper kills Azurite. Nothing is left running after a crashed or killed test run.
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(
            "node \"$0\" --inMemoryPersistence --skipApiVersionCheck --extentMemoryLimit 1024 --loose " +
            "--blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 " +
            "--blobPort 0 --queuePort 0 --tablePort 0 & child=$!; " +
            "trap 'kill $child 2>/dev/null; exit 0' TERM INT; " +
            "while read -r _; do :; done; kill $child 2>/dev/null; wait $child");
        start.ArgumentList.Add(script);

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) { ready.TrySetException(new InvalidOperationException("Azurite exited early:\n" + output)); return; }
            lock (output) { output.AppendLine(e.Data); }
            var match = ListeningLine().Match(e.Data);
            if (!match.Success) return;
            lock (ports)
            {
                ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (ports.Count == 3) ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await ready.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            KillQuietly(process);
            throw new InvalidOperationException("Azurite did not start within 60 s. Output:\n" + output, ex);
        }

        var server = new AzuriteServer(process, ports["Blob"], ports["Queue"], ports["Table"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillQuietly(process);
        return server;
    }

    public ValueTask DisposeAsync()
    {
        KillQuietly(_process);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Finds Azurite: $RELIEF_AZURITE_SCRIPT, else infra/azurite/node_modules in an ancestor folder.</summary>
    public static string FindAzuriteScript()
    {
        var fromEnv = Environment.GetEnvironmentVariable("RELIEF_AZURITE_SCRIPT");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv)) return fromEnv;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "infra", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException(
            "Azurite is not installed. Run `npm ci --prefix infra/azurite` (the README test command does it).");
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
