using Relief.Cases.Lifecycle;
using Relief.Cases.Records;

namespace Relief.Cases.Storage.Cases;

/// <summary>
/// A caseworker's work list query (<c>GET /api/cases?step=&amp;overdue=&amp;jurisdiction=</c>). Null filters match everything.
/// </summary>
/// <param name="Step">Only cases in this step.</param>
/// <param name="Overdue">True: only cases with a running deadline already passed; false: only cases without one.</param>
/// <param name="Jurisdiction"><c>qingdao</c> matches every area of Qingdao; <c>qingdao/shinan</c> only that area.</param>
/// <param name="PageSize">Most cases per page; null = the store's default.</param>
/// <param name="Within">Only cases in any of these jurisdictions (the caller's areas; same matching as <paramref name="Jurisdiction"/>); null or empty: no such filter.</param>
/// <param name="DueBefore">Only cases whose earliest running deadline falls before this instant (e.g. "due this week").</param>
/// <param name="ContinuationToken">The token of the previous page, null for the first.</param>
public sealed record WorkListQuery(
    CaseStep? Step = null,
    bool? Overdue = null,
    string? Jurisdiction = null,
    int? PageSize = null,
    string? ContinuationToken = null,
    DateTimeOffset? DueBefore = null,
    IReadOnlyList<string>? Within = null);

/// <summary>One page of a work list. A page may hold fewer cases than asked even when more follow.</summary>
/// <param name="Cases">The cases of this page, earliest running deadline first (cases without one last).</param>
/// <param name="ContinuationToken">Pass to the next query for the next page; null on the last page.</param>
public sealed record WorkListPage(IReadOnlyList<CaseRecord> Cases, string? ContinuationToken);

/// <summary>The result of <see cref="CaseStore.CreateAsync"/>.</summary>
/// <param name="Record">The stored record (the existing one when the case already existed).</param>
/// <param name="Created">False when a case with this id already existed (a retried create): nothing was overwritten.</param>
public sealed record CaseCreateResult(CaseRecord Record, bool Created);
