using System.Diagnostics;

namespace Relief.FunctionsHost.Benchmarks;

/// <summary>A bounded closed-loop HTTP load on loopback: <c>concurrency</c> clients send <c>count</c> POSTs in all.</summary>
internal static class HttpLoad
{
    public static async Task<HttpResult> RunAsync(string label, Uri baseUri, int count, int concurrency)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new double[count];
        var next = -1;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync($"api/echo/{i}?q=bench", new StringContent("{\"household\":3,\"income\":900}"));
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new HttpResult(label, count / seconds, latencies[count / 2], latencies[(int)(count * 0.99)], failures);
    }
}

internal sealed record HttpResult(string Label, double RequestsPerSecond, double P50, double P99, int Failures)
{
    public override string ToString() => $"{Label,-34} {RequestsPerSecond,8:F0} req/s   p50 {P50,6:F2} ms   p99 {P99,6:F2} ms   failures {Failures}";
}
