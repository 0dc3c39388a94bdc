using Relief.Cases.Deadlines;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Records;
using Relief.Cases.Transfers;

namespace Relief.Cases.Tests.Records;

public sealed class CaseRecordTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private static CaseRecord Record(CaseStep step = CaseStep.Investigation) => new()
    {
        CaseId = "case-1",
        Program = AssistanceProgram.Dibao,
        Jurisdiction = "qingdao/shinan",
        Step = step,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    private static CaseDeadline Deadline(CaseDeadlineKind kind, int days, string? reference = null) =>
        new(kind, DateOnly.FromDateTime(T0.AddDays(days).DateTime), T0.AddDays(days), "test", reference);

    [Fact]
    public void NextDueAt_ClosedDeadlinesAndAnsweredTransfers_AreSkipped()
    {
        var record = Record()
            .WithDeadline(Deadline(CaseDeadlineKind.InvestigationStart, 3))
            .WithDeadline(Deadline(CaseDeadlineKind.Overall, 28))
            .CloseDeadline(CaseDeadlineKind.InvestigationStart) with
        {
            Transfers =
            [
                new TransferRecord("t1", Department.Medical, "medical", TransferState.Answered, T0, T0.AddDays(1)),
                new TransferRecord("t2", Department.Housing, "housing", TransferState.Open, T0, T0.AddDays(7)),
            ],
        };

        Assert.Equal(T0.AddDays(7), record.NextDueAt);
    }

    [Fact]
    public void NextDueAt_TerminalStep_IsNull()
    {
        var record = Record(CaseStep.Approved).WithDeadline(Deadline(CaseDeadlineKind.Overall, 28));

        Assert.Null(record.NextDueAt);
    }

    [Fact]
    public void WithDeadline_SameKindAgain_ReplacesAndReopensIt()
    {
        var record = Record()
            .WithDeadline(Deadline(CaseDeadlineKind.PublicNoticeEnd, 7))
            .CloseDeadline(CaseDeadlineKind.PublicNoticeEnd)
            .WithDeadline(Deadline(CaseDeadlineKind.PublicNoticeEnd, 12));

        Assert.Equal(T0.AddDays(12), Assert.Single(record.Deadlines).ExpiresAt);
        Assert.Empty(record.ClosedDeadlines);
        Assert.Equal(T0.AddDays(12), record.NextDueAt);
    }

    [Fact]
    public void ApplyTransfer_ReplyAfterTheDeadline_IsAnsweredLateAndASecondReplyIsRefused()
    {
        var record = Record().WithTransfer(new TransferRecord("t1", Department.Medical, "medical assistance", TransferState.Open, T0, T0.AddDays(7)));

        var overdue = record.ApplyTransfer("t1", TransferTrigger.DeadlinePassed, T0.AddDays(7))!;
        var answered = overdue.ApplyTransfer("t1", TransferTrigger.Reply, T0.AddDays(8))!;

        Assert.Equal(TransferState.AnsweredLate, answered.Transfers.Single().State);
        Assert.Equal(T0.AddDays(8), answered.Transfers.Single().AnsweredAt);
        Assert.Null(answered.ApplyTransfer("t1", TransferTrigger.Reply, T0.AddDays(9)));
        Assert.Null(record.ApplyTransfer("t9", TransferTrigger.Reply, T0));
    }

    [Fact]
    public void WithTransfer_SameIdTwice_Throws()
    {
        var transfer = new TransferRecord("t1", Department.Housing, "housing", TransferState.Open, T0, T0.AddDays(7));

        Assert.Throws<ArgumentException>(() => Record().WithTransfer(transfer).WithTransfer(transfer));
    }

    [Fact]
    public void WithDeadline_ExtendedOverall_ReplacesTheNormalLimit()
    {
        var record = Record()
            .WithDeadline(Deadline(CaseDeadlineKind.Overall, 28))
            .WithDeadline(Deadline(CaseDeadlineKind.OverallExtended, 63));

        Assert.Equal(new[] { CaseDeadlineKind.Overall }, record.ClosedDeadlines);
        Assert.Equal(T0.AddDays(63), record.NextDueAt);
    }
}
