using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Relief.Durable.Metrics;

/// <summary>
/// Counts storage requests by service (table, queue, blob) and operation. Published as the
/// <c>relief.durable.storage.requests</c> counter on the <c>Relief.Durable</c> meter, and readable
/// in-process through <see cref="Snapshot"/> and <see cref="Total"/>.
/// </summary>
public sealed class StorageRequestMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Relief.Durable";

    private readonly Meter _meter;
    private readonly Counter<long> _counter;
    private readonly ConcurrentDictionary<(string Service, string Operation), long[]> _counts = new();

    /// <summary>Creates the metrics with their own meter.</summary>
    public StorageRequestMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _counter = _meter.CreateCounter<long>("relief.durable.storage.requests", unit: "{request}",
            description: "Storage requests (billable transactions) by service and operation.");
    }

    /// <summary>Records one request.</summary>
    public void Record(string service, string operation)
    {
        var cell = _counts.GetOrAdd((service, operation), static _ => new long[1]);
        Interlocked.Increment(ref cell[0]);
        _counter.Add(1, new KeyValuePair<string, object?>("service", service), new KeyValuePair<string, object?>("operation", operation));
    }

    /// <summary>The total so far.</summary>
    public long Total => _counts.Values.Sum(c => Interlocked.Read(ref c[0]));

    /// <summary>Counts so far, keyed "service.operation".</summary>
    public IReadOnlyDictionary<string, long> Snapshot() =>
        _counts.OrderBy(p => p.Key.Service, StringComparer.Ordinal).ThenBy(p => p.Key.Operation, StringComparer.Ordinal)
            .ToDictionary(p => $"{p.Key.Service}.{p.Key.Operation}", p => Interlocked.Read(ref p.Value[0]), StringComparer.Ordinal);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
