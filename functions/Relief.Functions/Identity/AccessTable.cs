using Relief.Functions.Applications;
using Relief.Functions.Assessments;
using Relief.Functions.Calendars;
using Relief.Functions.Diagnostics;
using Relief.Functions.Handovers;
using Relief.Functions.Leads;
using Relief.Functions.Payments;
using Relief.Functions.Payroll;
using Relief.Functions.Reviews;
using Relief.Functions.Statistics;
using Relief.Functions.Visits;
using static Relief.Identity.ReliefRoles;

namespace Relief.Functions.Identity;

/// <summary>
/// Who may call which HTTP function (权限表): one row per function, the roles allowed, in the order an acting role is
/// chosen when a token holds several. The sign-in middleware enforces the roles (401 without a valid token, 403 without
/// one of the roles); each function then checks the resource — the case's jurisdiction against the caller's areas, an
/// applicant's own application, a department's own transfer (<see cref="CaseAccess"/>). A function missing here is
/// refused to everybody (a test checks that every HTTP function has its row). Integrators have no row: they reach the
/// app through queues only.
/// </summary>
public static class AccessTable
{
    /// <summary>Functions callable without a token: the health probe and the OpenAPI document.</summary>
    public static readonly IReadOnlySet<string> Anonymous = new HashSet<string>(StringComparer.Ordinal) { nameof(Health), nameof(OpenApi) };

    private static readonly string[] CaseReaders = [Applicant, Caseworker, Investigator, Approver, DepartmentOfficer, Supervisor, Auditor];
    private static readonly string[] Staff = [Caseworker, Investigator, Approver, Supervisor, Auditor];

    /// <summary>Roles per function name.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Rows = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        // Intake and the case (申请与案件)
        [nameof(PreviewAssessment)] = All,
        [nameof(SubmitApplication)] = [Applicant, Caseworker],
        [nameof(GetApplication)] = CaseReaders,
        [nameof(GetHouseholdFile)] = [Applicant, Caseworker, Investigator, Approver, DepartmentOfficer, Supervisor, Auditor],
        [nameof(ListCases)] = Staff,
        [nameof(AcceptApplication)] = [Caseworker],
        [nameof(ReturnApplication)] = [Caseworker],
        [nameof(ResubmitMaterials)] = [Applicant, Caseworker],
        [nameof(WithdrawApplication)] = [Applicant, Caseworker],
        [nameof(RecordInvestigation)] = [Investigator],
        [nameof(RecordCommunityReview)] = [Caseworker],
        [nameof(FileObjection)] = [Applicant, Caseworker],
        [nameof(ApproveApplication)] = [Approver],
        [nameof(RejectApplication)] = [Approver],
        [nameof(ExtendTimeLimit)] = [Approver],
        [nameof(ReferCase)] = [Caseworker],
        [nameof(TransferCase)] = [Caseworker],
        [nameof(RecordDepartmentReply)] = [DepartmentOfficer],

        // Documents: only the roles that work on the case download (every download audited).
        [nameof(UploadDocument)] = [Applicant, Caseworker, Investigator],
        [nameof(ListDocuments)] = [Applicant, Caseworker, Investigator, Approver, Auditor],
        [nameof(DownloadDocument)] = [Applicant, Caseworker, Investigator, Approver],

        // Money
        [nameof(CorrectPayee)] = [Caseworker],
        [nameof(StartPayroll)] = [Administrator],
        [nameof(GetPayroll)] = [Supervisor, Auditor, Administrator],
        [nameof(GetReconciliation)] = [Supervisor, Auditor, Administrator],

        // Reviews (动态管理)
        [nameof(StartReviewSweep)] = [Administrator],
        [nameof(GetReviewSweep)] = [Administrator, Supervisor],
        [nameof(ListReviews)] = [Caseworker, Supervisor, Auditor],
        [nameof(GetReview)] = [Caseworker, Investigator, Supervisor, Auditor],
        [nameof(RecordReviewFindings)] = [Caseworker, Investigator],
        [nameof(GetHousehold)] = [Caseworker, Supervisor, Auditor],
        [nameof(ReportHouseholdChange)] = [Caseworker],

        // Active discovery (主动发现): leads, monthly visits, handovers after a hukou move
        [nameof(ListLeads)] = [Caseworker, Supervisor, Auditor],
        [nameof(GetLead)] = [Caseworker, Supervisor, Auditor],
        [nameof(AssignLead)] = [Caseworker],
        [nameof(RecordLeadVisit)] = [Caseworker],
        [nameof(CloseLead)] = [Caseworker],
        [nameof(ConvertLead)] = [Caseworker],
        [nameof(StartLeadEscalation)] = [Administrator],
        [nameof(RecordVisit)] = [Caseworker],
        [nameof(ListVisitsDue)] = [Caseworker, Supervisor, Auditor],
        [nameof(ListHandovers)] = [Caseworker, Supervisor, Auditor],
        [nameof(AcceptHandover)] = [Caseworker],

        // Statistics (统计)
        [nameof(GetStatistics)] = [Caseworker, Approver, Supervisor, Auditor, Administrator],

        // Operations
        [nameof(LoadCalendarYear)] = [Administrator],
        [nameof(SendPing)] = [Administrator],
    };

    /// <summary>The role <paramref name="held"/> acts in for <paramref name="function"/>; null when none is allowed.</summary>
    public static string? ActingRole(string function, IReadOnlyList<string> held) =>
        Rows.TryGetValue(function, out var allowed) ? allowed.FirstOrDefault(held.Contains) : null;
}
