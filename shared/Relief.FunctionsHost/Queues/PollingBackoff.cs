namespace Relief.FunctionsHost.Queues;

/// <summary>Wait between polls of an empty queue: 100 ms, doubling up to the maximum; reset when a message arrives.</summary>
internal sealed class PollingBackoff(TimeSpan maximum)
{
    /// <summary>The first wait after an empty poll.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(100);

    private TimeSpan _current = TimeSpan.Zero;

    /// <summary>The next wait (and grows the one after).</summary>
    public TimeSpan Next()
    {
        _current = _current == TimeSpan.Zero ? Minimum : _current * 2;
        if (_current > maximum) _current = maximum;
        return _current;
    }

    /// <summary>Messages arrived: poll again at once next time the queue is empty, then start from the minimum.</summary>
    public void Reset() => _current = TimeSpan.Zero;
}
