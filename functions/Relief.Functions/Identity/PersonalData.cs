using Relief.Cases.Intake;
using Relief.Identity;

namespace Relief.Functions.Identity;

/// <summary>
/// What of an application's personal data a role sees in clear (个人信息最小化): resident ID numbers and the contact
/// phone only the roles that identify or visit the household — the applicant himself, the caseworker, the investigator
/// and a department officer serving a transfer; the account number only the caseworker (who corrects it). Everyone else
/// (approver, supervisor, auditor) sees them masked: the first 6 and last 4 characters of an ID (区域码 and check),
/// the last 4 of a phone or account.
/// </summary>
public static class PersonalData
{
    private static readonly HashSet<string> IdentityRoles = [ReliefRoles.Applicant, ReliefRoles.Caseworker, ReliefRoles.Investigator, ReliefRoles.DepartmentOfficer];

    /// <summary>True when <paramref name="role"/> sees ID numbers and phones in clear.</summary>
    public static bool SeesIdentity(string role) => IdentityRoles.Contains(role);

    /// <summary>The application as <paramref name="role"/> may see it.</summary>
    public static ApplicationRequest For(string role, ApplicationRequest application)
    {
        ArgumentNullException.ThrowIfNull(application);
        bool identity = SeesIdentity(role), account = role is ReliefRoles.Caseworker or ReliefRoles.Applicant;
        return application with
        {
            Members = identity ? application.Members : application.Members?.Select(m => m with { ResidentId = MaskId(m.ResidentId) }).ToArray(),
            Incomes = identity ? application.Incomes : application.Incomes?.Select(i => i with { MemberResidentId = MaskId(i.MemberResidentId) }).ToArray(),
            Contact = identity || application.Contact is null ? application.Contact : application.Contact with { Phone = KeepLast(application.Contact.Phone, 4) },
            Payee = account || application.Payee is null ? application.Payee : application.Payee with { AccountNumber = KeepLast(application.Payee.AccountNumber, 4) },
        };
    }

    /// <summary>A resident ID masked: <c>370202********0011</c>.</summary>
    public static string? MaskId(string? id) =>
        id is null ? null : id.Length <= 10 ? new string('*', id.Length) : id[..6] + new string('*', id.Length - 10) + id[^4..];

    private static string? KeepLast(string? value, int keep) =>
        value is null ? null : value.Length <= keep ? new string('*', value.Length) : new string('*', value.Length - keep) + value[^keep..];
}
