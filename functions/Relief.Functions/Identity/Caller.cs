using System.Security.Claims;
using Relief.Identity;

namespace Relief.Functions.Identity;

/// <summary>
/// The signed-in caller of an HTTP function, from his token: who (<see cref="Subject"/>), in which role he acts here
/// (<see cref="Role"/>, the first of the function's roles his token holds), for which jurisdictions. The audit trail
/// records <see cref="Actor"/>; nothing in a request body names the actor.
/// </summary>
/// <param name="Subject">The operator's or citizen's id (claim <c>sub</c>).</param>
/// <param name="Role">The role he acts in for this function.</param>
/// <param name="Roles">Every role his token holds.</param>
/// <param name="Areas">His jurisdictions (staff).</param>
/// <param name="Department">His department (department officers).</param>
public sealed record Caller(string Subject, string Role, IReadOnlyList<string> Roles, IReadOnlyList<string> Areas, string? Department)
{
    /// <summary>Role and id as the audit trail records them, e.g. <c>approver:0101</c>.</summary>
    public string Actor => Role + ":" + Subject;

    /// <summary>True when acting as an applicant (his own applications only).</summary>
    public bool IsApplicant => Role == ReliefRoles.Applicant;

    /// <summary>True when <paramref name="jurisdiction"/> is one of his areas or inside one (<c>qingdao</c> covers <c>qingdao/shinan</c>).</summary>
    public bool Covers(string? jurisdiction) =>
        jurisdiction is { Length: > 0 } && Areas.Any(a => jurisdiction.Equals(a, StringComparison.OrdinalIgnoreCase)
            || jurisdiction.StartsWith(a + "/", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the caller sees every jurisdiction's operations (payrolls): the administrator, or an area covering <paramref name="jurisdiction"/>.</summary>
    public bool Oversees(string jurisdiction) => Role == ReliefRoles.Administrator || Covers(jurisdiction);

    /// <summary>True when a transfer addressed to <paramref name="department"/> is the caller's (department officers).</summary>
    public bool Serves(Relief.Cases.Transfers.Department department) =>
        Department is { Length: > 0 } own && department.ToString().Equals(own, StringComparison.OrdinalIgnoreCase);

    /// <summary>The caller from a validated principal acting in <paramref name="role"/>; null when the subject is not a valid id.</summary>
    public static Caller? From(ClaimsPrincipal principal, string role)
    {
        ArgumentNullException.ThrowIfNull(principal);
        string? subject = principal.FindFirst(ReliefClaims.Subject)?.Value;
        if (!OperatorIds.IsValid(subject)) return null;
        return new Caller(subject!, role, RolesOf(principal),
            principal.FindAll(ReliefClaims.Area).Select(c => c.Value.Trim().ToLowerInvariant()).Where(a => a.Length > 0).Distinct().ToArray(),
            principal.FindFirst(ReliefClaims.Department)?.Value);
    }

    /// <summary>The roles a principal holds.</summary>
    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindAll(ReliefClaims.Roles).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray();
    }
}
