namespace Relief.Durable.Core;

/// <summary>
/// A single-threaded synchronization context: continuations posted by orchestrator code are queued and
/// run by <see cref="RunUntilIdle"/> on the executor's thread, so an orchestrator runs until it is
/// blocked on durable work, and never concurrently with itself.
/// </summary>
internal sealed class ReplaySynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _work = new();
    private readonly object _gate = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate) _work.Enqueue((d, state));
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send is not supported inside an orchestrator.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs queued continuations until none are left.</summary>
    public void RunUntilIdle()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) item;
            lock (_gate)
            {
                if (!_work.TryDequeue(out item)) return;
            }
            item.Callback(item.State);
        }
    }
}
