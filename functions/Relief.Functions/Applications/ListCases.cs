using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Cases;
using Relief.Domain.Validation;
using Relief.Functions.Http;
using Relief.Functions.Identity;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>GET /api/cases?step=&amp;overdue=&amp;dueBefore=&amp;jurisdiction=&amp;pageSize=&amp;continuationToken=</c>: a caseworker's
/// work list (工作台) within his jurisdictions, paged, each page earliest deadline first; <c>continuationToken</c> of the
/// answer fetches the next page. An unknown parameter is a 400.
/// </summary>
public sealed class ListCases(ICaseStore cases, TimeProvider time)
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 500;

    [Function(nameof(ListCases))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryParameters.Unknown(request, "step", "overdue", "jurisdiction", "dueBefore", "pageSize", "continuationToken") is { } unknown) return unknown;
        var errors = new List<ValidationError>();
        var q = request.Query;
        CaseStep? step = null;
        if (q["step"].FirstOrDefault() is { Length: > 0 } s)
        {
            if (Enum.TryParse<CaseStep>(s, ignoreCase: true, out var parsed) && !int.TryParse(s, out _)) step = parsed;
            else errors.Add(new ValidationError("step", "step: one of " + string.Join(", ", Enum.GetNames<CaseStep>()) + "."));
        }

        bool? overdue = null;
        if (q["overdue"].FirstOrDefault() is { Length: > 0 } o)
        {
            if (bool.TryParse(o, out var parsed)) overdue = parsed;
            else errors.Add(new ValidationError("overdue", "overdue: true or false."));
        }

        int? pageSize = null;
        if (q["pageSize"].FirstOrDefault() is { Length: > 0 } p)
        {
            if (int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= MaxPageSize) pageSize = parsed;
            else errors.Add(new ValidationError("pageSize", $"pageSize: 1–{MaxPageSize}."));
        }

        DateTimeOffset? dueBefore = null;
        if (q["dueBefore"].FirstOrDefault() is { Length: > 0 } d)
        {
            if (DateTimeOffset.TryParse(d, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) dueBefore = parsed;
            else errors.Add(new ValidationError("dueBefore", "dueBefore: an instant (ISO 8601, e.g. 2026-12-11T00:00:00+08:00)."));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        // Staff see their own jurisdictions only: one named outside them is refused; none named → all of theirs.
        Caller caller = request.Caller();
        string? jurisdiction = q["jurisdiction"].FirstOrDefault() is { Length: > 0 } j ? j.Trim().ToLowerInvariant() : null;
        if (jurisdiction is not null && !caller.Covers(jurisdiction))
        {
            return CallerAccess.Forbidden($"Jurisdiction '{jurisdiction}' is outside your areas ({string.Join(", ", caller.Areas)}).");
        }

        if (caller.Areas.Count == 0)
        {
            return CallerAccess.Forbidden("Your token names no jurisdiction (area claim): there is no work list to show.");
        }

        var page = await cases.QueryWorkListAsync(new WorkListQuery(step, overdue, jurisdiction, pageSize, q["continuationToken"].FirstOrDefault(), dueBefore, caller.Areas), cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = time.GetUtcNow();
        var items = page.Cases.Select(c => new WorkListItem(
            c.CaseId, c.Program.ToCode(), c.Jurisdiction, c.Step.ToString(), c.NextDueAt, c.NextDueAt is { } due && due <= now, c.Amount, Problems.StatusUrl(c.CaseId))).ToArray();
        return TypedResults.Ok(new WorkList(items, page.ContinuationToken));
    }
}

/// <summary>One page of the work list.</summary>
/// <param name="Cases">The cases.</param>
/// <param name="ContinuationToken">For the next page; null on the last.</param>
public sealed record WorkList(IReadOnlyList<WorkListItem> Cases, string? ContinuationToken);

/// <summary>A case on the work list.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Program">Program code.</param>
/// <param name="Jurisdiction">Jurisdiction code.</param>
/// <param name="Step">Current step.</param>
/// <param name="NextDueAt">Earliest running deadline.</param>
/// <param name="Overdue">That deadline has passed.</param>
/// <param name="Amount">Amount decided, if any.</param>
/// <param name="StatusUrl">The case's status URL.</param>
public sealed record WorkListItem(string CaseId, string Program, string Jurisdiction, string Step, DateTimeOffset? NextDueAt, bool Overdue, decimal? Amount, string StatusUrl);
