using Relief.FunctionsHost.Durable;

namespace Relief.FunctionsHost.Tests.Durable;

/// <summary>The flow control between the sidecar's dispatcher and the provider (no timing: waits are observed by state).</summary>
public sealed class DispatchGateTests
{
    [Fact]
    public async Task Full_TheNextFetchWaits_AndRunsTheMomentASlotFrees()
    {
        using var gate = new DispatchGate(2);
        var first = await gate.FetchAsync(Timeout.InfiniteTimeSpan, () => Task.FromResult<object?>(new object()), CancellationToken.None);
        var second = await gate.FetchAsync(Timeout.InfiniteTimeSpan, () => Task.FromResult<object?>(new object()), CancellationToken.None);
        var fetched = 0;
        var third = gate.FetchAsync(Timeout.InfiniteTimeSpan, () => { Interlocked.Increment(ref fetched); return Task.FromResult<object?>(new object()); }, CancellationToken.None);

        Assert.Equal(2, gate.Held);
        Assert.False(third.IsCompleted);
        Assert.Equal(0, Volatile.Read(ref fetched)); // the provider is not even asked while the gate is full

        Assert.True(gate.Free(first!));
        Assert.NotNull(await third.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, fetched);
        Assert.Equal(2, gate.Held);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task Free_TwiceForTheSameItem_GivesBackOneSlot()
    {
        using var gate = new DispatchGate(1);
        var item = await gate.FetchAsync(Timeout.InfiniteTimeSpan, () => Task.FromResult<object?>(new object()), CancellationToken.None);

        Assert.True(gate.Free(item!));
        Assert.False(gate.Free(item!)); // completed, then abandoned: one slot, not two
        Assert.Equal(0, gate.Held);
        Assert.False(gate.Free(new object())); // never fetched through the gate
        Assert.Equal(0, gate.Held);
    }

    [Fact]
    public async Task NothingFetched_OrTheFetchFails_TheSlotComesBack()
    {
        using var gate = new DispatchGate(1);

        Assert.Null(await gate.FetchAsync<object>(Timeout.InfiniteTimeSpan, () => Task.FromResult<object?>(null), CancellationToken.None));
        Assert.Equal(0, gate.Held);
        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.FetchAsync<object>(Timeout.InfiniteTimeSpan, () => throw new InvalidOperationException("storage down"), CancellationToken.None));
        Assert.Equal(0, gate.Held);
    }

    [Fact]
    public async Task Full_AFiniteWaitEndsWithNothing_AndACancelledOneThrows()
    {
        using var gate = new DispatchGate(1);
        var held = await gate.FetchAsync(Timeout.InfiniteTimeSpan, () => Task.FromResult<object?>(new object()), CancellationToken.None);
        var asked = false;

        Assert.Null(await gate.FetchAsync(TimeSpan.Zero, () => { asked = true; return Task.FromResult<object?>(new object()); }, CancellationToken.None));
        Assert.False(asked);
        using var cancelled = new CancellationTokenSource();
        var waiting = gate.FetchAsync(Timeout.InfiniteTimeSpan, () => Task.FromResult<object?>(new object()), cancelled.Token);
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, gate.Held);
        Assert.True(gate.Free(held!));
        Assert.Equal(0, gate.Held);
    }
}
