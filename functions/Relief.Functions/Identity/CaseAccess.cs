using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Relief.Cases.Records;
using Relief.Identity;

namespace Relief.Functions.Identity;

/// <summary>
/// Whether the signed-in caller may reach one case (after <see cref="AccessTable"/> allowed his role): staff when the
/// case's jurisdiction is in their areas (Shinan staff see Shinan cases only); an applicant when he submitted it
/// himself; a department officer when a transfer of the case is addressed to his department.
/// </summary>
public sealed class CaseAccess(ILogger<CaseAccess> logger)
{
    /// <summary>Null when <paramref name="caller"/> may reach <paramref name="record"/>; otherwise why not.</summary>
    public static string? Refusal(Caller caller, CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(record);
        return caller.Role switch
        {
            ReliefRoles.Applicant => record.ApplicantSubject is { } owner && owner == caller.Subject ? null : "an applicant reaches only the applications he submitted himself.",
            ReliefRoles.DepartmentOfficer => caller.Department is { Length: > 0 } department
                && record.Transfers.Any(t => t.Department.ToString().Equals(department, StringComparison.OrdinalIgnoreCase))
                    ? null
                    : "no transfer of this case is addressed to your department.",
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

    /// <summary>Null when the caller covers <paramref name="jurisdiction"/>; otherwise the 403 answer.</summary>
    public static IResult? CheckJurisdiction(HttpRequest request, string jurisdiction, string what)
    {
        Caller caller = request.Caller();
        return caller.Covers(jurisdiction) ? null : CallerAccess.Forbidden($"{what} belongs to jurisdiction '{jurisdiction}', outside your areas ({Areas(caller)}).");
    }

    private static string Areas(Caller caller) => caller.Areas.Count == 0 ? "none" : string.Join(", ", caller.Areas);
}
