using Relief.Domain.Calendar;
using Relief.Domain.Policies;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Calendar;

public class ProcedureDeadlinesTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private readonly DeadlineCalculator _calculator = new(ShippedData.Calendar);

    [Fact]
    public void ForAcceptance_QingdaoTwentyWorkingDays_FromSeptember21()
    {
        ProcedureLimits limits = ShippedData.Policy("qingdao/shinan", new DateOnly(2026, 9, 21)).Procedure;

        ProcedureDeadlines deadlines = ProcedureDeadlines.ForAcceptance(_calculator, limits, new DateTimeOffset(2026, 9, 21, 9, 0, 0, Cst));

        Assert.Equal(new DateOnly(2026, 9, 24), deadlines.InvestigationStart.DueDate);
        Assert.Equal(new DateOnly(2026, 10, 26), deadlines.Overall.DueDate);
        Assert.Equal(new DateOnly(2026, 11, 30), deadlines.Extended.DueDate);
    }

    [Fact]
    public void CountyDecisionAndNotice_FromTheirOwnStarts()
    {
        ProcedureLimits limits = ShippedData.Policy("qingdao/shinan", new DateOnly(2025, 9, 1)).Procedure;

        Deadline county = ProcedureDeadlines.CountyDecision(_calculator, limits, new DateTimeOffset(2025, 9, 26, 15, 0, 0, Cst));
        Deadline notice = ProcedureDeadlines.PublicNotice(limits, new DateTimeOffset(2025, 9, 26, 15, 0, 0, Cst));

        // 9/28 (Sunday, worked), 9/29, 9/30, [10/1–8 off], 10/9, 10/10, 10/11 (Saturday, worked), 10/13, 10/14, 10/15, 10/16.
        Assert.Equal(new DateOnly(2025, 10, 16), county.DueDate);
        Assert.Equal(new DateOnly(2025, 10, 3), notice.DueDate);
    }
}
