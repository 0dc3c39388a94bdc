using System.Diagnostics;
using System.Net.Sockets;

namespace Relief.FunctionsHost.Http;

/// <summary>
/// Retries a forwarded request whose connection to the worker's HTTP server was refused. A worker announces
/// its <c>HttpUri</c> while it initialises, and its HTTP server may start listening a moment later (seen after a
/// worker restart: the invocation reached the new worker over gRPC while its port still refused connections,
/// and the function then failed waiting for its request). A refused connection means nothing was sent, so the
/// request (body not yet read) can be sent again. Any other failure is passed on at once.
/// </summary>
/// <param name="inner">The handler that opens connections.</param>
/// <param name="budget">How long to keep trying (default 5 s; the worker waits 15 s for the request of an invocation).</param>
/// <param name="time">Delays run on this (tests may speed them up).</param>
internal sealed class WorkerConnectRetryHandler(HttpMessageHandler inner, TimeSpan budget, TimeProvider time) : DelegatingHandler(inner)
{
    /// <summary>The first pause between attempts; doubled each time up to <see cref="MaximumDelay"/>.</summary>
    internal static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(25);

    /// <summary>The longest pause between attempts.</summary>
    internal static readonly TimeSpan MaximumDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Attempts made by this handler (for diagnostics and tests).</summary>
    public int Attempts => _attempts;

    private int _attempts;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var delay = InitialDelay;
        while (true)
        {
            Interlocked.Increment(ref _attempts);
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (IsRefused(ex) && time.GetElapsedTime(started) + delay < budget && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 < MaximumDelay ? delay * 2 : MaximumDelay;
            }
        }
    }

    /// <summary>True when the TCP connection was refused (nothing reached the worker).</summary>
    internal static bool IsRefused(Exception? exception) => exception switch
    {
        null => false,
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => true,
        _ => IsRefused(exception.InnerException),
    };
}
