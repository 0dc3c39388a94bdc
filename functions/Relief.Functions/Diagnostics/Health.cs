using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Relief.Functions.Diagnostics;

/// <summary><c>GET /api/health</c>: 200 when storage is reachable, else 503; both with the storage report.</summary>
public sealed class Health(StorageHealth storage)
{
    [Function(nameof(Health))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await storage.CheckAsync(cancellationToken).ConfigureAwait(false);
        var body = new HealthReport(report.Reachable ? "Healthy" : "Unhealthy", report);
        return report.Reachable ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>The health answer.</summary>
/// <param name="Status">Healthy or Unhealthy.</param>
/// <param name="Storage">Whether storage answered.</param>
public sealed record HealthReport(string Status, StorageHealthReport Storage);
