using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Relief.Cases.Audit;
using Relief.Cases.Records;
using Relief.Cases.Storage;
using Relief.Identity;

namespace Relief.Functions.Identity;

/// <summary>
/// Whether the signed-in caller may reach one case (after <see cref="AccessTable"/> allowed his role): staff when the
/// case's jurisdiction is in their areas (Shinan staff see Shinan cases only); an applicant when he submitted it
/// himself; a department officer when a transfer of the case is addressed to his department.
/// </summary>
public sealed class CaseAccess(IAuditLog audit, TimeProvider time, ILogger<CaseAccess> logger)
{
    /// <summary>Null when <paramref name="caller"/> may reach <paramref name="record"/>; otherwise why not.</summary>
    public static string? Refusal(Caller caller, CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(record);
        return caller.Role switch
        {
            ReliefRoles.Applicant => record.ApplicantSubject is { } owner && owner == caller.Subject ? null : "an applicant reaches only the applications he submitted himself.",
            ReliefRoles.DepartmentOfficer => record.Transfers.Any(t => caller.Serves(t.Department)) ? null : "no transfer of this case is addressed to your department.",
            _ => caller.Covers(record.Jurisdiction) ? null : $"the case belongs to jurisdiction '{record.Jurisdiction}', outside your areas ({Areas(caller)}).",
        };
    }

    /// <summary>Null when the caller of <paramref name="request"/> may reach <paramref name="record"/>; otherwise the 403 answer (logged).</summary>
    public IResult? Check(HttpRequest request, CaseRecord record, string function)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(record);
        Caller caller = request.Caller();
        string? why = Refusal(caller, record);
        if (why is null) return null;
        Logs.CaseRefused(logger, record.CaseId, caller.Actor, function, why);
        return CallerAccess.Forbidden($"Case {record.CaseId}: {why}");
    }

    /// <summary>
    /// Records that <paramref name="caller"/> reached — or was refused — personal data of a case (访问记录): an
    /// <see cref="AuditEntryKind.Access"/> entry, once per invocation (<paramref name="invocationId"/>).
    /// </summary>
    public Task RecordAsync(CaseRecord record, Caller caller, string invocationId, string summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(caller);
        return audit.AppendAsync(new AuditEntry(record.CaseId, 0, time.GetUtcNow(), AuditEntryKind.Access, caller.Actor, record.Step.ToString(), summary),
            "access:" + invocationId, cancellationToken);
    }

    /// <summary>Null when the caller covers <paramref name="jurisdiction"/>; otherwise the 403 answer.</summary>
    public static IResult? CheckJurisdiction(HttpRequest request, string jurisdiction, string what)
    {
        Caller caller = request.Caller();
        return caller.Covers(jurisdiction) ? null : CallerAccess.Forbidden($"{what} belongs to jurisdiction '{jurisdiction}', outside your areas ({Areas(caller)}).");
    }

    private static string Areas(Caller caller) => caller.Areas.Count == 0 ? "none" : string.Join(", ", caller.Areas);
}
