namespace Relief.Identity;

/// <summary>
/// The roles a token may carry (claim <see cref="ReliefClaims.Roles"/>). Every staff role is limited to the jurisdictions
/// of its <see cref="ReliefClaims.Area"/> claims; an applicant sees only the applications he submitted.
/// </summary>
public static class ReliefRoles
{
    /// <summary>A citizen applying for himself through a portal (申请人): his own applications only.</summary>
    public const string Applicant = "applicant";

    /// <summary>The township's acceptor and caseworker (乡镇经办): intake, acceptance, returns, transfers, reviews.</summary>
    public const string Caseworker = "caseworker";

    /// <summary>An investigator (入户调查人员): records the home visit and its findings.</summary>
    public const string Investigator = "investigator";

    /// <summary>The county's approver (县级审批): approves or refuses, extends the time limit.</summary>
    public const string Approver = "approver";

    /// <summary>An officer of another department (部门经办): replies to transfers addressed to his department.</summary>
    public const string DepartmentOfficer = "department";

    /// <summary>A supervisor (督办): escalations, payrolls and statistics of his jurisdictions; reads cases.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>An auditor (审计): reads cases and their audit trail, payrolls and reconciliations; changes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>The system administrator (运维): payroll and review-sweep starts, calendars, diagnostics; reads no case.</summary>
    public const string Administrator = "administrator";

    /// <summary>Every role, in the order an acting role is chosen when a token carries several.</summary>
    public static readonly IReadOnlyList<string> All = [Applicant, Caseworker, Investigator, Approver, DepartmentOfficer, Supervisor, Auditor, Administrator];
}
