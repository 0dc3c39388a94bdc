using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Storage.Feeds;
using Relief.Functions.Http;
using Relief.Functions.Identity;

namespace Relief.Functions.Handovers;

/// <summary>
/// <c>GET /api/handovers</c>: the pending handovers (户籍迁出转办) the caller's offices give or receive — the receiving
/// office accepts them, the giving one stays responsible meanwhile.
/// </summary>
public sealed class ListHandovers(HandoverStore handovers)
{
    [Function(nameof(ListHandovers))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "handovers")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryParameters.Unknown(request) is { } unknown) return unknown;
        Caller caller = request.Caller();
        var pending = new List<Handover>();
        await foreach (Handover h in handovers.PendingAsync(cancellationToken).ConfigureAwait(false))
        {
            if (caller.Covers(h.FromJurisdiction) || caller.Covers(h.ToJurisdiction)) pending.Add(h);
        }

        return TypedResults.Ok(new { handovers = pending.OrderBy(h => h.RequestedAt), count = pending.Count });
    }
}
