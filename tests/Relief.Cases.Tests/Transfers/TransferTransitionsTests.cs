using Relief.Cases.Transfers;

namespace Relief.Cases.Tests.Transfers;

public sealed class TransferTransitionsTests
{
    [Fact]
    public void Apply_ReplyInTime_IsAnswered()
    {
        Assert.Equal(TransferState.Answered, TransferTransitions.Apply(TransferState.Open, TransferTrigger.Reply));
    }

    [Fact]
    public void Apply_DeadlineThenReply_IsOverdueThenAnsweredLate()
    {
        var overdue = TransferTransitions.Apply(TransferState.Open, TransferTrigger.DeadlinePassed);
        Assert.Equal(TransferState.Overdue, overdue);
        var late = TransferTransitions.Apply(overdue!.Value, TransferTrigger.Reply);
        Assert.Equal(TransferState.AnsweredLate, late);
        Assert.True(TransferTransitions.IsClosed(late!.Value));
    }

    [Theory]
    [InlineData(TransferState.Answered, TransferTrigger.Reply)]
    [InlineData(TransferState.Answered, TransferTrigger.DeadlinePassed)]
    [InlineData(TransferState.AnsweredLate, TransferTrigger.Reply)]
    [InlineData(TransferState.Overdue, TransferTrigger.DeadlinePassed)]
    public void Apply_NotInTable_IsNull(TransferState from, TransferTrigger trigger)
    {
        Assert.Null(TransferTransitions.Apply(from, trigger));
    }
}
