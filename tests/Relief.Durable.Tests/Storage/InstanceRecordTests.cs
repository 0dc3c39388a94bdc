using DurableTask.Core;
using DurableTask.Core.History;
using Relief.Durable.Storage;

namespace Relief.Durable.Tests.Storage;

public sealed class InstanceRecordTests
{
    [Fact]
    public void ToEntity_LongHistory_SplitOverPropertiesAndReadBack()
    {
        var record = Record(Enumerable.Range(0, 400).Select(i => (HistoryEvent)new TaskScheduledEvent(i, "Activity", null, new string('x', 200))).ToList());

        var entity = record.ToEntity();
        var read = InstanceRecord.FromEntity(entity);

        Assert.True(SplitText.Chunks(entity, "History") > 1);
        Assert.All(entity.Select(p => p.Value).OfType<string>(), v => Assert.True(v.Length <= SplitText.ChunkLength));
        Assert.Equal(400, read.Events.Count);
        Assert.Equal(399, read.Events[^1].EventId);
        Assert.Equal(OrchestrationStatus.Running, read.Status);
        Assert.Equal(["m1", "m2"], read.Consumed);
    }

    [Fact]
    public void ToEntity_MoreThanARowHolds_FailsSayingWhatToDo()
    {
        var record = Record([new TaskScheduledEvent(0, "Activity", null, new string('x', InstanceRecord.MaxRowText))]);

        var ex = Assert.Throws<InvalidOperationException>(() => record.ToEntity());

        Assert.Contains("case-9", ex.Message, StringComparison.Ordinal);
        Assert.Contains("by reference", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddConsumed_KeepsTheNewestOnly()
    {
        var record = Record([]);

        record.AddConsumed(Enumerable.Range(0, InstanceRecord.ConsumedKept + 10).Select(i => "id" + i));

        Assert.Equal(InstanceRecord.ConsumedKept, record.Consumed.Count);
        Assert.Equal("id" + (InstanceRecord.ConsumedKept + 9), record.Consumed[^1]);
        Assert.DoesNotContain("id0", record.Consumed);
    }

    [Fact]
    public void ToState_NoTags_GivesAnEmptyMap()
    {
        var state = Record([]).ToState();

        Assert.NotNull(state.Tags);
        Assert.Equal("case-9", state.OrchestrationInstance.InstanceId);
    }

    private static InstanceRecord Record(List<HistoryEvent> events) => new()
    {
        InstanceId = "case-9",
        ExecutionId = "e",
        Name = "Approval",
        Status = OrchestrationStatus.Running,
        CreatedTime = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
        Events = events,
        Consumed = ["m1", "m2"],
    };
}
