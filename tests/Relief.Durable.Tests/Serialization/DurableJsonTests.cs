using DurableTask.Core;
using DurableTask.Core.History;
using Relief.Durable.Serialization;

namespace Relief.Durable.Tests.Serialization;

public sealed class DurableJsonTests
{
    [Fact]
    public void WriteEvents_ThenRead_KeepsEveryTypeAndField()
    {
        var instance = new OrchestrationInstance { InstanceId = "case-1", ExecutionId = "e1" };
        var events = new List<HistoryEvent>
        {
            new OrchestratorStartedEvent(-1),
            new ExecutionStartedEvent(-1, "\"input\"")
            {
                Name = "Approval", Version = "2026", OrchestrationInstance = instance,
                Tags = new Dictionary<string, string> { ["jurisdiction"] = "qingdao" },
                ParentInstance = new ParentInstance { Name = "Parent", TaskScheduleId = 3, OrchestrationInstance = new OrchestrationInstance { InstanceId = "p", ExecutionId = "pe" } },
            },
            new TaskScheduledEvent(0, "Check", null, "[1]"),
            new TaskCompletedEvent(-1, 0, "\"ok\""),
            new TimerCreatedEvent(1, new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc)),
            new TimerFiredEvent(-1, new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc)) { TimerId = 1 },
            new EventRaisedEvent(-1, "\"yes\"") { Name = "Approval" },
        };

        var read = DurableJson.ReadEvents(DurableJson.WriteEvents(events));

        Assert.Equal(events.Select(e => e.GetType()), read.Select(e => e.GetType()));
        var started = Assert.IsType<ExecutionStartedEvent>(read[1]);
        Assert.Equal("Approval", started.Name);
        Assert.Equal("e1", started.OrchestrationInstance.ExecutionId);
        Assert.Equal("qingdao", started.Tags["jurisdiction"]);
        Assert.Equal(3, started.ParentInstance.TaskScheduleId);
        Assert.Equal("Check", ((TaskScheduledEvent)read[2]).Name);
        Assert.Equal(0, ((TaskCompletedEvent)read[3]).TaskScheduledId);
        Assert.Equal(1, ((TimerFiredEvent)read[5]).TimerId);
        Assert.Equal(DateTimeKind.Utc, ((TimerCreatedEvent)read[4]).FireAt.Kind);
    }

    [Fact]
    public void WriteEvents_SubclassFromAnotherAssembly_StoredAsTheFrameworkEvent()
    {
        var json = DurableJson.WriteEvents([new SidecarCreatedEvent(4) { Name = "Child", InstanceId = "c1" }]);

        var read = Assert.Single(DurableJson.ReadEvents(json));

        var created = Assert.IsType<SubOrchestrationInstanceCreatedEvent>(read);
        Assert.Equal("Child", created.Name);
        Assert.DoesNotContain(nameof(SidecarCreatedEvent), json, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteMessage_ThenRead_KeepsInstanceAndEvent()
    {
        var message = new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = "case-2", ExecutionId = "x" },
            Event = new TaskFailedEvent(-1, 7, "boom", null, new FailureDetails("InvalidOperationException", "boom", null, null, false)),
        };

        var read = DurableJson.ReadMessage(DurableJson.WriteMessage(message));

        Assert.Equal("case-2", read.OrchestrationInstance.InstanceId);
        var failed = Assert.IsType<TaskFailedEvent>(read.Event);
        Assert.Equal(7, failed.TaskScheduledId);
        Assert.Equal("InvalidOperationException", failed.FailureDetails!.ErrorType);
    }

    [Fact]
    public void ReadEvents_UnknownType_FailsNamingIt()
    {
        var ex = Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => DurableJson.ReadEvents("[{\"$type\":\"NoSuchEvent\",\"EventId\":1}]"));

        Assert.Contains("NoSuchEvent", ex.Message, StringComparison.Ordinal);
    }

    private sealed class SidecarCreatedEvent(int eventId) : SubOrchestrationInstanceCreatedEvent(eventId);
}
