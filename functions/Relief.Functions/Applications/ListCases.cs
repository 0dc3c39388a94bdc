using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Cases;
using Relief.Domain.Validation;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>GET /api/cases?step=&amp;overdue=&amp;jurisdiction=&amp;pageSize=&amp;continuationToken=</c>: a caseworker's work list
/// (工作台), paged; <c>continuationToken</c> of the answer fetches the next page.
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

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        string? jurisdiction = q["jurisdiction"].FirstOrDefault() is { Length: > 0 } j ? j.Trim().ToLowerInvariant() : null;
        var page = await cases.QueryWorkListAsync(new WorkListQuery(step, overdue, jurisdiction, pageSize, q["continuationToken"].FirstOrDefault()), cancellationToken).ConfigureAwait(false);
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
