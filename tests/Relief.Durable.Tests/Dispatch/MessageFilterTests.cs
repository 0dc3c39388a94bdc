using DurableTask.Core;
using DurableTask.Core.History;
using Relief.Durable.Dispatch;
using Relief.Durable.Storage;

namespace Relief.Durable.Tests.Dispatch;

public sealed class MessageFilterTests
{
    private static readonly OrchestrationInstance Current = new() { InstanceId = "case-1", ExecutionId = "e1" };

    [Fact]
    public void Judge_ResultForAScheduledTask_Applied()
    {
        var verdicts = MessageFilter.Judge(Running(), [Message("r0", new TaskCompletedEvent(-1, 0, "\"ok\""))]);

        Assert.Equal(Verdict.Apply, Assert.Single(verdicts).Verdict);
    }

    [Fact]
    public void Judge_SecondResultForTheSameTask_Dropped()
    {
        var record = Running(new TaskCompletedEvent(-1, 0, "\"ok\""));

        var verdicts = MessageFilter.Judge(record, [Message("again", new TaskCompletedEvent(-1, 0, "\"ok\""))]);

        Assert.Equal(Verdict.Drop, Assert.Single(verdicts).Verdict);
    }

    [Fact]
    public void Judge_SameResultTwiceInOneBatch_OnlyFirstApplied()
    {
        var verdicts = MessageFilter.Judge(Running(), [Message("a", new TaskCompletedEvent(-1, 0, "1")), Message("b", new TaskFailedEvent(-1, 0, "x", null))]);

        Assert.Equal([Verdict.Apply, Verdict.Drop], verdicts.Select(v => v.Verdict));
    }

    [Fact]
    public void Judge_ResultForATaskNeverScheduled_Dropped()
    {
        var verdicts = MessageFilter.Judge(Running(), [Message("r9", new TaskCompletedEvent(-1, 9, "1"))]);

        Assert.Equal(Verdict.Drop, Assert.Single(verdicts).Verdict);
    }

    [Fact]
    public void Judge_MessageIdAlreadyConsumed_Dropped()
    {
        var record = Running();
        record.Consumed.Add("evt-1");

        var verdicts = MessageFilter.Judge(record, [Message("evt-1", new EventRaisedEvent(-1, "1") { Name = "Approval" })]);

        Assert.Equal(Verdict.Drop, Assert.Single(verdicts).Verdict);
    }

    [Fact]
    public void Judge_TimerFiredTwice_SecondDropped()
    {
        var record = Running(new TimerCreatedEvent(1, DateTime.UtcNow), new TimerFiredEvent(-1, DateTime.UtcNow) { TimerId = 1 });

        var verdicts = MessageFilter.Judge(record, [Message("t", new TimerFiredEvent(-1, DateTime.UtcNow) { TimerId = 1 })]);

        Assert.Equal(Verdict.Drop, Assert.Single(verdicts).Verdict);
    }

    [Fact]
    public void Judge_ResultOfAnEarlierExecution_Dropped()
    {
        var old = new OrchestrationInstance { InstanceId = "case-1", ExecutionId = "e0" };

        var verdicts = MessageFilter.Judge(Running(), [new InboundMessage("x", new TaskMessage { OrchestrationInstance = old, Event = new TaskCompletedEvent(-1, 0, "1") }, null)]);

        Assert.Equal(Verdict.Drop, Assert.Single(verdicts).Verdict);
    }

    [Fact]
    public void Judge_EventBeforeTheInstanceStarted_Deferred()
    {
        var verdicts = MessageFilter.Judge(null, [Message("evt", new EventRaisedEvent(-1, "1") { Name = "Approval" })]);

        Assert.Equal(Verdict.Defer, Assert.Single(verdicts).Verdict);
    }

    [Fact]
    public void Judge_EventInTheSameBatchAsTheStart_BothAppliedStartFirst()
    {
        var verdicts = MessageFilter.Judge(null, [Message("evt", new EventRaisedEvent(-1, "1") { Name = "Approval" }), Start("e1")]);

        Assert.Equal([Verdict.Apply, Verdict.Apply], verdicts.Select(v => v.Verdict));
        Assert.IsType<ExecutionStartedEvent>(verdicts[0].Message.Message.Event);
    }

    [Fact]
    public void Judge_StartOfAnExecutionThatWasReplaced_Dropped()
    {
        var pending = new InstanceRecord { InstanceId = "case-1", ExecutionId = "e2", Status = OrchestrationStatus.Pending };

        var verdicts = MessageFilter.Judge(pending, [Start("e1")]);

        Assert.Equal(Verdict.Drop, Assert.Single(verdicts).Verdict);
    }

    [Fact]
    public void Judge_StartOfARunningInstance_Dropped()
    {
        var verdicts = MessageFilter.Judge(Running(), [Start("e1")]);

        Assert.Equal(Verdict.Drop, Assert.Single(verdicts).Verdict);
    }

    [Fact]
    public void Judge_AnythingForAnEndedInstance_Dropped()
    {
        var record = Running();
        record.Status = OrchestrationStatus.Completed;

        var verdicts = MessageFilter.Judge(record, [Message("evt", new EventRaisedEvent(-1, "1") { Name = "Approval" })]);

        Assert.Equal(Verdict.Drop, Assert.Single(verdicts).Verdict);
    }

    private static InstanceRecord Running(params HistoryEvent[] more) => new()
    {
        InstanceId = "case-1",
        ExecutionId = "e1",
        Status = OrchestrationStatus.Running,
        Events = [new ExecutionStartedEvent(-1, null) { Name = "Approval", OrchestrationInstance = Current }, new TaskScheduledEvent(0, "Check"), .. more],
    };

    private static InboundMessage Message(string id, HistoryEvent e) => new(id, new TaskMessage { OrchestrationInstance = Current, Event = e }, null);

    private static InboundMessage Start(string executionId)
    {
        var instance = new OrchestrationInstance { InstanceId = "case-1", ExecutionId = executionId };
        return new InboundMessage("start|" + executionId, new TaskMessage { OrchestrationInstance = instance, Event = new ExecutionStartedEvent(-1, null) { Name = "Approval", OrchestrationInstance = instance } }, null);
    }
}
