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

    private Azurite(Process process, string log, int blob, int queue, int table)
    {
        _process = process;
        Log = log;
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public string Log { get; }

    public static async Task<Azurite> StartAsync()
    {
        int[] ports = [FreePort(), FreePort(), FreePort()];
        var log = Path.Combine(Path.GetTempPath(), $"bench-azurite-{Environment.ProcessId}.log");
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { AzuriteServer.FindAzuriteScript(), "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--extentMemoryLimit", "1024",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", $"{ports[0]}", "--queuePort", $"{ports[1]}", "--tablePort", $"{ports[2]}", "--debug", log })
        {
            start.ArgumentList.Add(a);
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

        return new Azurite(process, log, ports[0], ports[1], ports[2]);
    }

    /// <summary>Requests Azurite has logged so far; with <paramref name="resource"/>, only those whose URL names it
    /// (a task hub's queues, tables and containers all carry the hub name).</summary>
    /// <summary>
    /// Requests to each resource within each time window (Azurite's own receipt time), in one pass over the log:
    /// read after the log has settled, so a window's count is complete however far the log lagged behind.
    /// </summary>
    public long[] Requests(IReadOnlyList<(string Resource, DateTime From, DateTime To)> windows)
    {
        var counts = new long[windows.Count];
        using var stream = new FileStream(Log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var at = line.IndexOf("StorageContextMiddleware: RequestMethod=", StringComparison.Ordinal);
            if (at < 0 || line.Length < 24) continue;
            if (!DateTime.TryParse(line.AsSpan(0, 24), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var time)) continue;
            var url = line.IndexOf("RequestURL=", at, StringComparison.Ordinal);
            if (url < 0) continue;
            var end = line.IndexOf(' ', url);
            var target = line.AsSpan(url, (end < 0 ? line.Length : end) - url);
            for (var i = 0; i < windows.Count; i++)
            {
                var w = windows[i];
                if (time >= w.From && time <= w.To && target.Contains(w.Resource, StringComparison.OrdinalIgnoreCase)) counts[i]++;
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

    public long Requests(string? resource = null)
    {
        using var stream = new FileStream(Log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        long count = 0;
        while (reader.ReadLine() is { } line)
        {
            var at = line.IndexOf("StorageContextMiddleware: RequestMethod=", StringComparison.Ordinal);
            if (at < 0) continue;
            if (resource is null) count++;
            else
            {
                var url = line.IndexOf("RequestURL=", at, StringComparison.Ordinal);
                var end = url < 0 ? -1 : line.IndexOf(' ', url);
                if (url >= 0 && line[url..(end < 0 ? line.Length : end)].Contains(resource, StringComparison.OrdinalIgnoreCase)) count++;
            }
        }

        return count;
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
        if (Environment.GetEnvironmentVariable("BENCH_KEEP_AZURITE_LOG") is null) File.Delete(Log);
        return ValueTask.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
