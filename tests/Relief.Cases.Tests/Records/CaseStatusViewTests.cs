using Relief.Cases.Audit;
using Relief.Cases.Deadlines;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Records;
using Relief.Cases.Transfers;

namespace Relief.Cases.Tests.Records;

public sealed class CaseStatusViewTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void From_RecordAndAudit_ShowsDeadlinesInOrderWithRunningAndOverdueAndTheHistory()
    {
        var record = new CaseRecord
        {
            CaseId = "case-1",
            Program = AssistanceProgram.Dibao,
            Jurisdiction = "qingdao/shinan",
            Step = CaseStep.Assessment,
            CreatedAt = T0,
            UpdatedAt = T0,
        }
            .WithDeadline(new CaseDeadline(CaseDeadlineKind.Overall, new DateOnly(2026, 3, 30), T0.AddDays(28), "20 working days"))
            .WithDeadline(new CaseDeadline(CaseDeadlineKind.InvestigationStart, new DateOnly(2026, 3, 5), T0.AddDays(3), "3 working days"))
            .WithDeadline(new CaseDeadline(CaseDeadlineKind.TransferReply, new DateOnly(2026, 3, 9), T0.AddDays(7), "5 working days", "t1"))
            .CloseDeadline(CaseDeadlineKind.InvestigationStart)
            .WithTransfer(new TransferRecord("t1", Department.Medical, "medical assistance", TransferState.Open, T0, T0.AddDays(7)));
        AuditEntry[] audit =
        [
            new("case-1", 2, T0.AddHours(1), AuditEntryKind.StepChanged, "caseworker:0042", "Investigation", "investigation recorded"),
            new("case-1", 1, T0, AuditEntryKind.Action, "window:0007", "Submitted", "accepted"),
        ];

        var view = CaseStatusView.From(record, audit, T0.AddDays(10));

        Assert.Equal("dibao", view.Program);
        Assert.Equal("Assessment", view.Step);
        Assert.Equal(
            new[] { (CaseDeadlineKind.InvestigationStart, false, false), (CaseDeadlineKind.TransferReply, true, true), (CaseDeadlineKind.Overall, true, false) },
            view.Deadlines.Select(d => (d.Kind, d.Running, d.Overdue)).ToArray());
        Assert.Equal(new[] { "accepted", "investigation recorded" }, view.History.Select(h => h.Summary).ToArray());
        Assert.Equal("window:0007", view.History[0].Actor);
    }
}
