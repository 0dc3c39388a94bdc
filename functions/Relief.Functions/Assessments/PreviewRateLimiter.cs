using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Relief.Functions.Assessments;

/// <summary>Options of the assessment preview (section <c>Relief:Assessments</c>).</summary>
public sealed class PreviewOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Relief:Assessments";

    /// <summary>Previews one client may ask for per minute. Default 30: a citizen trying variants of his household
    /// never meets it; a script harvesting the policy engine does.</summary>
    public int PermitsPerMinute { get; set; } = 30;
}

/// <summary>
/// Limits previews per client (fixed one-minute windows). The client is the request's remote address as the worker
/// sees it: the Functions host forwards the caller's address in <c>X-Forwarded-For</c> and the worker's ASP.NET Core
/// integration turns that into <c>Connection.RemoteIpAddress</c> (and removes the header), so a caller cannot pick
/// its partition by sending the header itself.
/// </summary>
public sealed class PreviewRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    /// <summary>Creates the limiter from <paramref name="options"/>.</summary>
    public PreviewRateLimiter(IOptions<PreviewOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int permits = options.Value.PermitsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>True when <paramref name="request"/>'s client may have one more preview now.</summary>
    public bool TryAcquire(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using RateLimitLease lease = _limiter.AttemptAcquire(ClientOf(request));
        return lease.IsAcquired;
    }

    /// <inheritdoc/>
    public void Dispose() => _limiter.Dispose();

    private static string ClientOf(HttpRequest request) => request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
