using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Relief.Testing;

namespace Relief.FunctionsHost.Benchmarks;

/// <summary>A private in-memory Azurite whose debug log records every request, so both sides' storage
/// requests are counted by the same, independent witness.</summary>
internal sealed class Azurite : IAsyncDisposable
{
    private readonly Process _process;
    private long _scanned; // how far MarkAsync has read the log

    private readonly string? _log;

    private Azurite(Process process, string? log, int blob, int queue, int table)
    {
        _process = process;
        _log = log;
        QueueEndpoint = $"http://127.0.0.1:{queue}/devstoreaccount1";
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <summary>Azurite's debug log, which every request-counting member reads.</summary>
    public string Log => _log ?? throw new InvalidOperationException("This Azurite was started without its request log (StartAsync(requestLog: false)): it cannot count requests.");

    public string QueueEndpoint { get; }

    public int ProcessId => _process.Id;

    /// <param name="requestLog">Whether Azurite writes its debug log (what <see cref="Requests(string?)"/> and
    /// <see cref="MarkAsync"/> read). A benchmark that counts requests on its own client can leave it off: at a million
    /// writes the log costs Azurite time and gigabytes of disk.</param>
    public static async Task<Azurite> StartAsync(bool requestLog = true)
    {
        int[] ports = [FreePort(), FreePort(), FreePort()];
        var log = Path.Combine(Path.GetTempPath(), $"bench-azurite-{Environment.ProcessId}.log");
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { AzuriteServer.FindAzuriteScript(), "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--extentMemoryLimit", "1024",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", $"{ports[0]}", "--queuePort", $"{ports[1]}", "--tablePort", $"{ports[2]}" })
        {
            start.ArgumentList.Add(a);
        }

        if (requestLog)
        {
            start.ArgumentList.Add("--debug");
            start.ArgumentList.Add(log);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, ports[2]);
                break;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        return new Azurite(process, requestLog ? log : null, ports[0], ports[1], ports[2]);
    }

    /// <summary>
    /// Writes a mark into Azurite's log (a request for a queue named after it, which does not exist) and returns the
    /// mark's name once Azurite has logged it. Azurite logs each request as it receives it, in order, so every request
    /// before the mark is above it in the log and every request after it below: runs framed by marks are counted
    /// exactly, however far the log lags behind (its timestamps are when a line was written, not received).
    /// </summary>
    public async Task<string> MarkAsync(string label)
    {
        var mark = "benchmark-mark-" + new string(label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        using var http = new HttpClient();
        using (await http.GetAsync(new Uri($"{QueueEndpoint}/{mark}?comp=metadata")).ConfigureAwait(false))
        {
        }

        while (!LogContains(mark)) await Task.Delay(50).ConfigureAwait(false);
        return mark;
    }

    /// <summary>Whether the log's complete lines written since the last look contain <paramref name="text"/>.</summary>
    private bool LogContains(string text)
    {
        using var stream = new FileStream(Log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(_scanned, SeekOrigin.Begin);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var complete = bytes.LastIndexOf((byte)'\n') + 1; // a line still being written is read again next time
        _scanned += complete;
        return System.Text.Encoding.UTF8.GetString(bytes[..complete]).Contains(text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Requests to each resource between each pair of marks, in one pass over the log (read after it has settled).
    /// </summary>
    public long[] Requests(IReadOnlyList<(string Resource, string From, string To)> windows)
    {
        var counts = new long[windows.Count];
        var open = new bool[windows.Count];
        foreach (var target in RequestTargets())
        {
            for (var i = 0; i < windows.Count; i++)
            {
                var w = windows[i];
                if (target.Contains(w.From, StringComparison.Ordinal)) open[i] = true;
                else if (target.Contains(w.To, StringComparison.Ordinal)) open[i] = false;
                else if (open[i] && target.Contains(w.Resource, StringComparison.OrdinalIgnoreCase)) counts[i]++;
            }
        }

        return counts;
    }

    /// <summary>Waits until the debug log has not grown for <paramref name="quiet"/> (Azurite writes it behind the requests).</summary>
    public async Task WaitForQuietLogAsync(TimeSpan quiet)
    {
        var size = -1L;
        while (true)
        {
            var now = new FileInfo(Log).Length;
            if (now == size) return;
            size = now;
            await Task.Delay(quiet);
        }
    }

    /// <summary>Requests Azurite has logged so far; with <paramref name="resource"/>, only those whose URL names it
    /// (a task hub's queues, tables and containers all carry the hub name).</summary>
    public long Requests(string? resource = null) =>
        RequestTargets().LongCount(target => resource is null || target.Contains(resource, StringComparison.OrdinalIgnoreCase));

    /// <summary>The URL of every request in the log, in the order Azurite received them (empty when a line names none).</summary>
    private IEnumerable<string> RequestTargets()
    {
        using var stream = new FileStream(Log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var at = line.IndexOf("StorageContextMiddleware: RequestMethod=", StringComparison.Ordinal);
            if (at < 0) continue;
            var url = line.IndexOf("RequestURL=", at, StringComparison.Ordinal);
            if (url < 0)
            {
                yield return string.Empty;
                continue;
            }

            var end = line.IndexOf(' ', url);
            yield return line[url..(end < 0 ? line.Length : end)];
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        if (_log is not null && Environment.GetEnvironmentVariable("BENCH_KEEP_AZURITE_LOG") is null) File.Delete(_log);
        return ValueTask.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
