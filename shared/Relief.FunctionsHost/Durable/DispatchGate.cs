using System.Collections.Concurrent;

namespace Relief.FunctionsHost.Durable;

/// <summary>
/// Flow control between the sidecar's dispatcher and a storage provider: at most <see cref="Capacity"/> work items
/// of one kind are locked at a time. A fetch waits here (woken the moment a slot frees) instead of in the sidecar's
/// dispatcher, which, once at its maximum, looks again only every 500 ms. A slot is taken before the provider is
/// asked for a work item and given back exactly once when the item is finished with (released, completed or
/// abandoned, whichever the dispatcher calls; later calls for the same item free nothing).
/// </summary>
internal sealed class DispatchGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<object, byte> _held = new(ReferenceEqualityComparer.Instance);

    public DispatchGate(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _slots = new SemaphoreSlim(capacity, capacity);
    }

    /// <summary>The most work items held at once.</summary>
    public int Capacity { get; }

    /// <summary>Work items held now.</summary>
    public int Held => Capacity - _slots.CurrentCount;

    /// <summary>
    /// Takes a slot (waiting up to <paramref name="timeout"/>; infinite waits until one frees), then fetches.
    /// Returns null when no slot freed in time or the fetch found nothing; the slot is then given back.
    /// </summary>
    public async Task<T?> FetchAsync<T>(TimeSpan timeout, Func<Task<T?>> fetch, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(fetch);
        if (!await _slots.WaitAsync(timeout, cancellationToken).ConfigureAwait(false)) return null;
        T? item;
        try
        {
            item = await fetch().ConfigureAwait(false);
        }
        catch
        {
            _slots.Release();
            throw;
        }

        if (item is null || !_held.TryAdd(item, 0)) _slots.Release();
        return item;
    }

    /// <summary>Gives back the slot of <paramref name="item"/>; true the first time, false after.</summary>
    public bool Free(object item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!_held.TryRemove(item, out _)) return false;
        _slots.Release();
        return true;
    }

    /// <summary>Runs <paramref name="finish"/> (the provider's release, completion or abandonment of <paramref name="item"/>)
    /// and gives back the item's slot whether or not it succeeds.</summary>
    public async Task FreeAfterAsync(object item, Func<Task> finish)
    {
        ArgumentNullException.ThrowIfNull(finish);
        try
        {
            await finish().ConfigureAwait(false);
        }
        finally
        {
            Free(item);
        }
    }

    public void Dispose() => _slots.Dispose();
}
