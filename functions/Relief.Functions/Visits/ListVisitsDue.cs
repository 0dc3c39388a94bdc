using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Payments;
using Relief.Cases.Storage.Feeds;
using Relief.Cases.Storage.Payments;
using Relief.Domain.Calendar;
using Relief.Functions.Applications;
using Relief.Functions.Http;
using Relief.Functions.Identity;

namespace Relief.Functions.Visits;

/// <summary>
/// <c>GET /api/visits/due?jurisdiction=…&amp;month=yyyy-MM</c>: the monthly-visit work list (每月巡访) — the households of
/// the jurisdiction (and the areas under it) paid a monthly benefit that month and not yet visited in it, and those
/// visited. Reads the city's register shards and the month's visits of each township; no scan of other cities. Month
/// defaults to the current one (China time). 400 for a bad parameter; 403 outside the caller's jurisdiction.
/// </summary>
public sealed class ListVisitsDue(BeneficiaryRegister register, VisitStore visits, TimeProvider time)
{
    /// <summary>Most households listed in each list.</summary>
    public const int MaxResults = 1000;

    [Function(nameof(ListVisitsDue))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "visits/due")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryParameters.Unknown(request, "jurisdiction", "month") is { } unknown) return unknown;
        string? jurisdiction = request.Query["jurisdiction"].FirstOrDefault()?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(jurisdiction)) return Problems.Field("jurisdiction", "required: the jurisdiction code whose visits are listed, e.g. qingdao/shinan.");
        PayPeriod month = PayPeriod.Of(ChinaStandardTime.DateOf(time.GetUtcNow()));
        if (request.Query["month"].FirstOrDefault() is { } m)
        {
            if (!PayPeriod.TryParse(m, out month)) return Problems.Field("month", "a month, yyyy-MM.");
        }

        if (CaseAccess.CheckJurisdiction(request, jurisdiction, $"Jurisdiction '{jurisdiction}'") is { } forbidden) return forbidden;

        var enrolled = new List<Entitlement>();
        string root = PayrollShards.Root(jurisdiction);
        for (int shard = 0; shard < register.Shards; shard++)
        {
            await foreach (Entitlement e in register.ReadShardAsync(root, shard, cancellationToken).ConfigureAwait(false))
            {
                bool inArea = e.Jurisdiction == jurisdiction || e.Jurisdiction.StartsWith(jurisdiction + "/", StringComparison.Ordinal);
                if (inArea && e.Plan is null && e.StateAt(month) == EntitlementState.Active) enrolled.Add(e);
            }
        }

        var visited = new HashSet<(string, string)>();
        foreach (string township in enrolled.Select(e => e.Jurisdiction).Distinct(StringComparer.Ordinal))
        {
            await foreach (Visit v in visits.InMonthAsync(township, month, cancellationToken).ConfigureAwait(false))
            {
                visited.Add((v.BeneficiaryId, v.Program));
            }
        }

        var due = enrolled.Where(e => !visited.Contains((e.BeneficiaryId, e.Program))).ToArray();
        var done = enrolled.Where(e => visited.Contains((e.BeneficiaryId, e.Program))).ToArray();
        static object Row(Entitlement e) => new { beneficiaryId = e.BeneficiaryId, program = e.Program, jurisdiction = e.Jurisdiction, caseId = e.CaseId, members = e.Members };
        return TypedResults.Ok(new
        {
            jurisdiction,
            month = month.ToString(),
            dueCount = due.Length,
            visitedCount = done.Length,
            due = due.Take(MaxResults).Select(Row),
            visited = done.Take(MaxResults).Select(Row),
        });
    }
}
