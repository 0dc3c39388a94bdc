using Relief.Cases.Deadlines;
using Relief.Cases.Intake;
using Relief.Cases.Tests.Builders;
using Relief.Domain.Calendar;

namespace Relief.Cases.Tests.Deadlines;

public sealed class CaseDeadlinePlannerTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly CaseDeadlinePlanner Planner = new(ShippedData.Calendar);

    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, Cst);

    private static DateTimeOffset EndOf(int month, int day) => new DateTimeOffset(2026, month, day, 0, 0, 0, Cst).AddDays(1);

    [Fact]
    public void AtAcceptance_QingdaoDibao_InvestigationIn3AndOverallIn20WorkingDays()
    {
        var policy = ShippedData.Policy("qingdao/shinan", new DateOnly(2026, 3, 2));

        // Monday 2026-03-02: +3 working days = Thursday 03-05; +20 = Monday 03-30.
        var deadlines = Planner.AtAcceptance(AssistanceProgram.Dibao, policy, At(3, 1), At(3, 2));

        Assert.Equal(new[] { CaseDeadlineKind.InvestigationStart, CaseDeadlineKind.Overall }, deadlines.Select(d => d.Kind).ToArray());
        Assert.Equal(new DateOnly(2026, 3, 5), deadlines[0].DueDate);
        Assert.Equal(EndOf(3, 5), deadlines[0].ExpiresAt);
        Assert.Equal(Cst, deadlines[0].ExpiresAt.Offset);
        Assert.Equal(new DateOnly(2026, 3, 30), deadlines[1].DueDate);
        Assert.Contains("20 working days", deadlines[1].Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void AtAcceptance_LiyangDibao_OverallIn30WorkingDays()
    {
        var policy = ShippedData.Policy("liyang", new DateOnly(2026, 3, 2));

        var overall = Planner.AtAcceptance(AssistanceProgram.Dibao, policy, At(3, 2), At(3, 2)).Single(d => d.Kind == CaseDeadlineKind.Overall);

        Assert.Equal(ShippedData.Calendar.AddWorkingDays(new DateOnly(2026, 3, 2), 30), overall.DueDate);
        Assert.Equal(30, ShippedData.Calendar.WorkingDaysBetween(new DateOnly(2026, 3, 2), overall.DueDate));
    }

    [Fact]
    public void InvestigationStart_AcceptedBeforeSpringFestival_SkipsTheHolidayAndCountsTheWorkedSaturday()
    {
        var policy = ShippedData.Policy("qingdao/shinan", new DateOnly(2026, 2, 12));

        // Thu 02-12 → Fri 02-13 (1), Sat 02-14 worked (2), 02-15..02-23 off, Tue 02-24 (3).
        var deadline = Planner.InvestigationStart(policy, At(2, 12));

        Assert.Equal(new DateOnly(2026, 2, 24), deadline.DueDate);
    }

    [Fact]
    public void InvestigationStart_AcceptedLateInTheEveningUtc_UsesTheChinaDate()
    {
        var policy = ShippedData.Policy("qingdao/shinan", new DateOnly(2026, 3, 2));

        // 2026-03-01T17:00Z is Monday 03-02 01:00 in China.
        var deadline = Planner.InvestigationStart(policy, new DateTimeOffset(2026, 3, 1, 17, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 5), deadline.DueDate);
    }

    // DOMAIN.md § Rules made precise, "Tekun time limits": investigation + first opinion 15 working days (民发〔2021〕43号).
    [Fact]
    public void AtAcceptance_Tekun_AddsTheInvestigationOpinionLimit()
    {
        var policy = ShippedData.Policy("quanzhou-taishang", new DateOnly(2026, 3, 2));

        var deadlines = Planner.AtAcceptance(AssistanceProgram.Tekun, policy, At(3, 2), At(3, 2));

        var opinion = deadlines.Single(d => d.Kind == CaseDeadlineKind.InvestigationOpinion);
        Assert.Equal(15, ShippedData.Calendar.WorkingDaysBetween(new DateOnly(2026, 3, 2), opinion.DueDate));
    }

    [Fact]
    public void AtAcceptance_Emergency_AdvanceReliefIs24HoursFromTheApplication()
    {
        var policy = ShippedData.Policy("qingdao/shinan", new DateOnly(2026, 3, 2));
        var applied = new DateTimeOffset(2026, 3, 6, 22, 30, 0, Cst);

        var deadlines = Planner.AtAcceptance(AssistanceProgram.TemporaryEmergency, policy, applied, applied.AddHours(1));

        var advance = deadlines.Single(d => d.Kind == CaseDeadlineKind.AdvanceRelief);
        Assert.Equal(applied.AddHours(24), advance.ExpiresAt);
        Assert.Equal(new DateOnly(2026, 3, 7), advance.DueDate);
    }

    [Fact]
    public void EconomicVerification_Requested_Starts3AndAnswers5WorkingDaysLater()
    {
        // Friday 03-06: +3 = Wed 03-11; +5 = Fri 03-13.
        var start = Planner.EconomicVerificationStart(At(3, 6));
        var answers = Planner.EconomicVerificationAnswers(At(3, 6), "tax");

        Assert.Equal(new DateOnly(2026, 3, 11), start.DueDate);
        Assert.Equal(new DateOnly(2026, 3, 13), answers.DueDate);
        Assert.Equal("tax", answers.Reference);
    }

    // DOMAIN.md § Rules made precise, "Tekun time limits: notice 7 days" — the same 7 calendar days as dibao (公示, 57号/43号).
    [Fact]
    public void PublicNoticeEnd_StartedOnATuesday_Is7CalendarDaysLater()
    {
        var policy = ShippedData.Policy("qingdao/shinan", new DateOnly(2026, 3, 10));

        var end = CaseDeadlinePlanner.PublicNoticeEnd(policy, At(3, 10));

        Assert.Equal(new DateOnly(2026, 3, 17), end.DueDate);
        Assert.Equal(EndOf(3, 17), end.ExpiresAt);
    }

    // DOMAIN.md § Rules made precise, "Tekun time limits": county decision 15 working days (43号); dibao 10 (57号).
    [Fact]
    public void CountyDecision_DibaoAndTekun_10And15WorkingDays()
    {
        var dibao = Planner.CountyDecision(AssistanceProgram.Dibao, ShippedData.Policy("qingdao/shinan", new DateOnly(2026, 3, 2)), At(3, 2));
        var tekun = Planner.CountyDecision(AssistanceProgram.Tekun, ShippedData.Policy("quanzhou-taishang", new DateOnly(2026, 3, 2)), At(3, 2));

        Assert.Equal(10, ShippedData.Calendar.WorkingDaysBetween(new DateOnly(2026, 3, 2), dibao.DueDate));
        Assert.Equal(15, ShippedData.Calendar.WorkingDaysBetween(new DateOnly(2026, 3, 2), tekun.DueDate));
    }

    [Fact]
    public void ExtendOverall_WithAReason_Is45WorkingDaysAndRecordsTheReason()
    {
        var policy = ShippedData.Policy("qingdao/shinan", new DateOnly(2026, 3, 2));

        var extended = Planner.ExtendOverall(policy, At(3, 2), "bank answer pending");

        Assert.Equal(CaseDeadlineKind.OverallExtended, extended.Kind);
        Assert.Equal(45, ShippedData.Calendar.WorkingDaysBetween(new DateOnly(2026, 3, 2), extended.DueDate));
        Assert.Contains("bank answer pending", extended.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtendOverall_WithoutAReason_Throws()
    {
        var policy = ShippedData.Policy("qingdao/shinan", new DateOnly(2026, 3, 2));

        Assert.Throws<ArgumentException>(() => Planner.ExtendOverall(policy, At(3, 2), " "));
    }

    [Fact]
    public void TransferReply_FiveWorkingDaysOverLabourDay_SkipsTheHolidays()
    {
        // Thu 04-30 → 05-01..05-05 off, Wed 05-06 (1), Thu 05-07 (2), Fri 05-08 (3), Sat 05-09 worked (4), Mon 05-11 (5).
        var reply = Planner.TransferReply(At(4, 30), 5, "t1");

        Assert.Equal(new DateOnly(2026, 5, 11), reply.DueDate);
        Assert.Equal("t1", reply.Reference);
        Assert.False(reply.IsOverdueAt(new DateTimeOffset(2026, 5, 11, 23, 59, 0, Cst)));
        Assert.True(reply.IsOverdueAt(new DateTimeOffset(2026, 5, 12, 0, 0, 0, Cst)));
    }

    [Fact]
    public void InvestigationStart_PastTheLastCalendarYear_Throws()
    {
        var policy = ShippedData.Policy("qingdao/shinan", new DateOnly(2026, 12, 30));

        Assert.Throws<DateOutsideCalendarException>(() => Planner.InvestigationStart(policy, At(12, 30)));
    }
}
