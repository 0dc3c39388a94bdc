using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Leads;
using Relief.Cases.Storage.Feeds;
using Relief.Functions.Applications;
using Relief.Functions.Http;
using Relief.Functions.Identity;

namespace Relief.Functions.Leads;

/// <summary>
/// <c>GET /api/leads?jurisdiction=…&amp;state=…&amp;reason=…&amp;overdue=true|false&amp;escalated=true|false</c>: the leads of a
/// township (and the areas under it), oldest visit deadline first — the work list of active discovery. Without
/// <c>jurisdiction</c>, every area of the caller; a jurisdiction outside them is a 403; an unknown parameter or value a
/// 400. At most <see cref="MaxResults"/> leads (<c>truncated</c> says when there were more).
/// </summary>
public sealed class ListLeads(LeadStore leads, TimeProvider time)
{
    /// <summary>Most leads returned.</summary>
    public const int MaxResults = 500;

    [Function(nameof(ListLeads))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "leads")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryParameters.Unknown(request, "jurisdiction", "state", "reason", "overdue", "escalated") is { } unknown) return unknown;
        Caller caller = request.Caller();
        string? jurisdiction = request.Query["jurisdiction"].FirstOrDefault()?.Trim().ToLowerInvariant();
        LeadState? state = null;
        if (request.Query["state"].FirstOrDefault() is { } s)
        {
            if (!Enum.TryParse(s, ignoreCase: true, out LeadState parsed) || !Enum.IsDefined(parsed)) return Problems.Field("state", $"one of {string.Join(", ", Enum.GetNames<LeadState>())}.");
            state = parsed;
        }

        LeadReason? reason = null;
        if (request.Query["reason"].FirstOrDefault() is { } r)
        {
            if (!LeadReasons.TryParse(r, out var parsed)) return Problems.Field("reason", $"one of {string.Join(", ", Enum.GetValues<LeadReason>().Select(x => x.ToCode()))}.");
            reason = parsed;
        }

        bool? overdue = null, escalated = null;
        if (request.Query["overdue"].FirstOrDefault() is { } o)
        {
            if (!bool.TryParse(o, out bool parsed)) return Problems.Field("overdue", "true or false.");
            overdue = parsed;
        }

        if (request.Query["escalated"].FirstOrDefault() is { } e)
        {
            if (!bool.TryParse(e, out bool parsed)) return Problems.Field("escalated", "true or false.");
            escalated = parsed;
        }

        IReadOnlyList<string> areas;
        if (jurisdiction is { Length: > 0 })
        {
            if (CaseAccess.CheckJurisdiction(request, jurisdiction, $"Jurisdiction '{jurisdiction}'") is { } forbidden) return forbidden;
            areas = [jurisdiction];
        }
        else
        {
            areas = caller.Areas.Where(a => !caller.Areas.Any(b => a.StartsWith(b + "/", StringComparison.Ordinal))).ToArray();
        }

        DateTimeOffset now = time.GetUtcNow();
        var found = new List<Lead>();
        foreach (string area in areas)
        {
            await foreach (Lead lead in leads.ListAsync(area, state, cancellationToken).ConfigureAwait(false))
            {
                if (reason is { } wanted && lead.Reason != wanted) continue;
                if (overdue is { } od && lead.IsOverdueAt(now) != od) continue;
                if (escalated is { } es && (lead.EscalatedAt is not null) != es) continue;
                found.Add(lead);
            }
        }

        var page = found.OrderBy(l => l.VisitDue ?? DateTimeOffset.MaxValue).ThenBy(l => l.RaisedAt).Take(MaxResults).Select(l => LeadView.Of(l, caller.Role, now)).ToArray();
        return TypedResults.Ok(new { leads = page, count = page.Length, truncated = found.Count > MaxResults });
    }
}
