using Relief.Cases.Transfers;
using Relief.Functions.Workflows;

namespace Relief.Functions.Tests.Workflows;

/// <summary>The transfer orchestration (转办) on a deterministic fake context.</summary>
public sealed class TransferOrchestratorTests
{
    private static (CaseWorld World, Task<TransferOutcome> Run) Start()
    {
        var world = new CaseWorld();
        var input = new TransferInput("case-1", "t-1", Department.Medical, "medical assistance for the spouse", 5, "caseworker:0042");
        var run = world.Context.Start(c => TransferOrchestrator.RunAsync(c, input));
        return (world, run);
    }

    [Fact]
    public async Task Reply_BeforeTheLimit_AnsweredNoEscalation()
    {
        var (world, run) = Start();

        world.Context.Advance(TimeSpan.FromDays(2));
        world.Context.Raise(TransferOrchestrator.ReplyEvent, new DepartmentReplyEvent("medical:07", "granted"));

        Assert.Equal(TransferState.Answered, (await run).State);
        Assert.Equal([TransferTrigger.Reply], world.TransferUpdates.Select(u => u.Trigger));
        Assert.Empty(world.Context.PendingTimers);
    }

    [Fact]
    public async Task NoReply_PastFiveWorkingDays_EscalatedOnce_LateReplyStillAccepted()
    {
        var (world, run) = Start();

        world.Context.Advance(TimeSpan.FromDays(20));
        Assert.False(run.IsCompleted);
        var overdue = Assert.Single(world.TransferUpdates);
        Assert.Equal(TransferTrigger.DeadlinePassed, overdue.Trigger);
        Assert.Equal(new DateOnly(2026, 3, 9), overdue.Deadline.DueDate);

        world.Context.Raise(TransferOrchestrator.ReplyEvent, new DepartmentReplyEvent("medical:07", "granted late"));
        Assert.Equal(TransferState.AnsweredLate, (await run).State);
    }
}
