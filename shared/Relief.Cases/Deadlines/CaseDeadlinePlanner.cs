using System.Globalization;
using Relief.Cases.Intake;
using Relief.Domain.Calendar;
using Relief.Domain.Policies;

namespace Relief.Cases.Deadlines;

/// <summary>
/// Computes a case's deadlines (办理时限) from the acceptance instant, the jurisdiction's policy and the
/// working-day calendar, with the domain's <see cref="DeadlineCalculator"/>. Pure and deterministic, so an
/// orchestration may call it during replay.
/// <para>
/// Conventions: the day of the starting event is not counted (期间开始的当日不计入); a day limit ends at the
/// <b>end of its due day</b> in China Standard Time, i.e. <see cref="CaseDeadline.ExpiresAt"/> is 00:00 +08:00
/// of the following day — an act done at any hour of the due day is on time, whatever the office hours, and a
/// timer set to <see cref="CaseDeadline.ExpiresAt"/> fires only once the day has fully passed. Hour limits
/// (24-hour advance relief) expire at the exact instant. Working-day limits raise
/// <see cref="DateOutsideCalendarException"/> past the last loaded calendar year: load the next year's file
/// before it is reached.
/// </para>
/// </summary>
public sealed class CaseDeadlinePlanner
{
    private readonly DeadlineCalculator _calculator;
    private readonly CaseTimeLimits _limits;

    /// <summary>Creates the planner over a working-day calendar and the limits not held by policy files.</summary>
    public CaseDeadlinePlanner(WorkingDayCalendar calendar, CaseTimeLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calculator = new DeadlineCalculator(calendar);
        _limits = limits ?? CaseTimeLimits.Default;
    }

    /// <summary>The limits used.</summary>
    public CaseTimeLimits Limits => _limits;

    /// <summary>
    /// The deadlines that start at acceptance (受理): investigation start and the overall limit for every
    /// program; tekun adds the investigation-and-opinion limit; the emergency type adds the advance-relief limit,
    /// which runs from the <b>application</b> (<paramref name="appliedAt"/>), not from acceptance.
    /// </summary>
    public IReadOnlyList<CaseDeadline> AtAcceptance(AssistanceProgram program, PolicyParameters policy, DateTimeOffset appliedAt, DateTimeOffset acceptedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var list = new List<CaseDeadline>();
        if (program == AssistanceProgram.TemporaryEmergency)
        {
            list.Add(AdvanceRelief(policy, appliedAt));
        }

        list.Add(InvestigationStart(policy, acceptedAt));
        if (program == AssistanceProgram.Tekun)
        {
            list.Add(CaseDeadline.From(
                CaseDeadlineKind.InvestigationOpinion,
                WorkingDays(policy, acceptedAt, _limits.TekunInvestigationOpinionWorkingDays),
                Basis(_limits.TekunInvestigationOpinionWorkingDays, "working days from acceptance (tekun, 43号)")));
        }

        list.Add(Overall(policy, acceptedAt));
        return list;
    }

    /// <summary>Investigation starts within the policy's working days of acceptance (3).</summary>
    public CaseDeadline InvestigationStart(PolicyParameters policy, DateTimeOffset acceptedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        int days = policy.Procedure.InvestigationStartWorkingDays;
        return CaseDeadline.From(CaseDeadlineKind.InvestigationStart, WorkingDays(policy, acceptedAt, days), Basis(days, "working days from acceptance (policy)"));
    }

    /// <summary>The county starts data checks within 3 working days of the verification request.</summary>
    public CaseDeadline EconomicVerificationStart(DateTimeOffset requestedAt, PolicyParameters? policy = null)
    {
        int days = _limits.EconomicVerificationStartWorkingDays;
        return CaseDeadline.From(CaseDeadlineKind.EconomicVerificationStart, WorkingDays(policy, requestedAt, days), Basis(days, "working days from the verification request"));
    }

    /// <summary>
    /// The departments' answers are due within <see cref="CaseTimeLimits.EconomicVerificationAnswerWorkingDays"/>
    /// working days of the request (local rule, 5). <paramref name="agency"/> names the agency when each has its own timer.
    /// </summary>
    public CaseDeadline EconomicVerificationAnswers(DateTimeOffset requestedAt, string? agency = null, PolicyParameters? policy = null)
    {
        int days = _limits.EconomicVerificationAnswerWorkingDays;
        return CaseDeadline.From(CaseDeadlineKind.EconomicVerificationAnswers, WorkingDays(policy, requestedAt, days), Basis(days, "working days from the verification request (local rule)"), agency);
    }

    /// <summary>End of a public notice (公示) starting at <paramref name="noticeStart"/>: the policy's calendar days (7).</summary>
    public static CaseDeadline PublicNoticeEnd(PolicyParameters policy, DateTimeOffset noticeStart)
    {
        ArgumentNullException.ThrowIfNull(policy);
        int days = policy.Procedure.PublicNoticeDays;
        return CaseDeadline.From(CaseDeadlineKind.PublicNoticeEnd, ProcedureDeadlines.PublicNotice(policy.Procedure, noticeStart), Basis(days, "calendar days from the start of the notice"));
    }

    /// <summary>County decision from the day it receives the file: the policy's working days (10); tekun 15.</summary>
    public CaseDeadline CountyDecision(AssistanceProgram program, PolicyParameters policy, DateTimeOffset fileReceivedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        int days = program == AssistanceProgram.Tekun ? _limits.TekunCountyDecisionWorkingDays : policy.Procedure.CountyDecisionWorkingDays;
        return CaseDeadline.From(CaseDeadlineKind.CountyDecision, WorkingDays(policy, fileReceivedAt, days), Basis(days, "working days from the county's receipt of the file"));
    }

    /// <summary>Overall limit from acceptance: the policy's working days (30; 20 where decisions are delegated to the township).</summary>
    public CaseDeadline Overall(PolicyParameters policy, DateTimeOffset acceptedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        int days = policy.Procedure.OverallWorkingDays;
        return CaseDeadline.From(CaseDeadlineKind.Overall, WorkingDays(policy, acceptedAt, days), Basis(days, "working days from acceptance (policy)"));
    }

    /// <summary>
    /// The extended overall limit (特殊情况延长, 45 working days from acceptance). A reason is required; it is part
    /// of <see cref="CaseDeadline.Basis"/> so the audit shows why.
    /// </summary>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    public CaseDeadline ExtendOverall(PolicyParameters policy, DateTimeOffset acceptedAt, string reason)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        int days = policy.Procedure.ExtendedWorkingDays;
        return CaseDeadline.From(CaseDeadlineKind.OverallExtended, WorkingDays(policy, acceptedAt, days), Basis(days, "working days from acceptance, extended: " + reason.Trim()));
    }

    /// <summary>Emergency advance relief (先行救助): the policy's hours (24) from the application, exact to the instant.</summary>
    public CaseDeadline AdvanceRelief(PolicyParameters policy, DateTimeOffset appliedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        int hours = policy.Temporary?.AdvanceReliefHours ?? _limits.DefaultAdvanceReliefHours;
        return CaseDeadline.From(CaseDeadlineKind.AdvanceRelief, DeadlineCalculator.Hours(appliedAt, hours), string.Create(CultureInfo.InvariantCulture, $"{hours} hours from the application"));
    }

    /// <summary>A department's reply to transfer <paramref name="transferId"/> (转办) within <paramref name="workingDays"/> working days.</summary>
    public CaseDeadline TransferReply(DateTimeOffset transferredAt, int workingDays, string transferId, PolicyParameters? policy = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(transferId);
        return CaseDeadline.From(CaseDeadlineKind.TransferReply, WorkingDays(policy, transferredAt, workingDays), Basis(workingDays, "working days from the transfer"), transferId);
    }

    /// <summary>A review's findings (核查结论) within <paramref name="workingDays"/> working days of its opening.</summary>
    public CaseDeadline ReviewFindings(DateTimeOffset openedAt, int workingDays, string reviewId, PolicyParameters? policy = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewId);
        return CaseDeadline.From(CaseDeadlineKind.ReviewFindings, WorkingDays(policy, openedAt, workingDays), Basis(workingDays, "working days from the review's opening"), reviewId);
    }

    /// <summary>The township's visit to a lead (线索核实) within the policy's working days of its raising.</summary>
    public CaseDeadline LeadVisit(DateTimeOffset raisedAt, string leadId, PolicyParameters policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentException.ThrowIfNullOrWhiteSpace(leadId);
        int days = policy.Discovery.LeadVisitWorkingDays;
        string basis = Basis(days, "working days from the lead's raising") + (policy.Discovery.Local ? string.Empty : " (assumed: the jurisdiction sets no limit)");
        return CaseDeadline.From(CaseDeadlineKind.LeadVisit, WorkingDays(policy, raisedAt, days), basis, leadId);
    }

    /// <summary>Working days from the calendar, or rehearsal seconds when the policy says so (<see cref="ProcedureLimits.RehearsalSecondsPerDay"/>).</summary>
    private Deadline WorkingDays(PolicyParameters? policy, DateTimeOffset start, int days) =>
        policy is null ? _calculator.WorkingDays(start, days) : ProcedureDeadlines.WorkingDays(_calculator, policy.Procedure, start, days);

    private static string Basis(int count, string rule) => string.Create(CultureInfo.InvariantCulture, $"{count} {rule}");
}
