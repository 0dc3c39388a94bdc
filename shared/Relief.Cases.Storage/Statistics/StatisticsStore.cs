using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Relief.Cases.Payments;
using Relief.Cases.Statistics;

namespace Relief.Cases.Storage.Statistics;

/// <summary>
/// Statistics by program, jurisdiction and month (统计), kept up to date as events happen — a read never scans cases,
/// payments or enrolments. PartitionKey = <c>{yyyy-MM}|{shard}</c>; in each partition one counter row per jurisdiction
/// and program (RowKey <c>c|{jurisdiction}|{program}</c>, one Int64 column per <see cref="StatisticsMetric"/>) and one
/// marker row per event counted (RowKey <c>e|{key}</c>). An event is counted by one entity-group transaction that adds
/// its marker and updates the counter on its ETag: both or neither, so a repeated event (same key) fails on its
/// marker and counts nothing, and a concurrent writer makes it read again. A month's read is one range query per shard
/// over the counter rows only. Call <see cref="InitializeAsync"/> once.
/// </summary>
public sealed class StatisticsStore
{
    private const string CounterPrefix = "c|";
    private const string MarkerPrefix = "e|";
    private const int MaxAttempts = 200;
    private readonly TableClient _table;
    private readonly int _shards;
    private readonly TimeProvider _time;

    /// <summary>Creates the store; <paramref name="time"/> paces the retries of a contended counter (default the system's).</summary>
    public StatisticsStore(TableServiceClient tables, IOptions<StatisticsStorageOptions> options, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _table = tables.GetTableClient(options.Value.TableName);
        _shards = options.Value.Shards;
    }

    /// <summary>Creates the table if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Counts an event once; false when its key was counted before (nothing changes).</summary>
    /// <exception cref="ArgumentException">The event is not valid.</exception>
    public async Task<bool> RecordAsync(StatisticsEvent statisticsEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statisticsEvent);
        statisticsEvent.Validate();
        string partition = Partition(statisticsEvent.Month, ShardOf(statisticsEvent.Key));
        string counterKey = CounterKey(statisticsEvent.Jurisdiction, statisticsEvent.Program);
        var marker = new TableEntity(partition, MarkerPrefix + Uri.EscapeDataString(statisticsEvent.Key)); // no / \ # ? in a row key
        for (int attempt = 1; ; attempt++)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(partition, counterKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            TableEntity counter = found.HasValue ? found.Value! : new TableEntity(partition, counterKey)
            {
                ["Jurisdiction"] = statisticsEvent.Jurisdiction,
                ["Program"] = statisticsEvent.Program,
            };
            foreach (var (metric, value) in statisticsEvent.Increments)
            {
                counter[metric.ToString()] = checked((counter.GetInt64(metric.ToString()) ?? 0) + value);
            }

            TableTransactionAction write = found.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counter, counter.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, counter);
            try
            {
                await _table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, marker), write], cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 0 && ex.Status == 409)
            {
                return false; // the marker exists: counted before
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer changed (or created) the counter first: read it again, after a short random pause that
                // grows with the attempts (writers that met once should not meet again in lockstep).
                var pause = TimeSpan.FromMilliseconds(Math.Min(attempt * 4, 100) * (0.5 + Random.Shared.NextDouble()));
                await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The figures of <paramref name="month"/> for the jurisdictions <paramref name="inScope"/> accepts (and one program,
    /// or all): one range query per shard, summed per jurisdiction and program.
    /// </summary>
    public async Task<IReadOnlyList<MonthlyFigures>> ReadMonthAsync(PayPeriod month, Func<string, bool> inScope, string? program, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inScope);
        var reads = Enumerable.Range(0, _shards).Select(shard => ReadShardAsync(Partition(month, shard), cancellationToken)).ToArray();
        var rows = (await Task.WhenAll(reads).ConfigureAwait(false)).SelectMany(r => r);
        return rows
            .Where(r => inScope(r.Jurisdiction) && (program is null || r.Program == program))
            .GroupBy(r => (r.Jurisdiction, r.Program))
            .OrderBy(g => g.Key.Jurisdiction, StringComparer.Ordinal).ThenBy(g => g.Key.Program, StringComparer.Ordinal)
            .Select(g => new MonthlyFigures(month, g.Key.Jurisdiction, g.Key.Program, MonthlyFigures.Sum(g.Select(r => r.Counts))))
            .ToArray();
    }

    private async Task<List<(string Jurisdiction, string Program, IReadOnlyDictionary<StatisticsMetric, long> Counts)>> ReadShardAsync(string partition, CancellationToken cancellationToken)
    {
        // Counter rows sort before the markers ('c|' < 'e|'): the query reads the counters and stops.
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {CounterPrefix} and RowKey lt {"c}"}");
        var rows = new List<(string, string, IReadOnlyDictionary<StatisticsMetric, long>)>();
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var counts = new Dictionary<StatisticsMetric, long>();
            foreach (StatisticsMetric metric in StatisticsMetricNames.All)
            {
                if (row.GetInt64(metric.ToString()) is { } value) counts[metric] = value;
            }

            rows.Add((row.GetString("Jurisdiction"), row.GetString("Program"), counts));
        }

        return rows;
    }

    private int ShardOf(string key) => (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0) % (uint)_shards);

    private static string Partition(PayPeriod month, int shard) => string.Create(CultureInfo.InvariantCulture, $"{month}|{shard:00}");

    private static string CounterKey(string jurisdiction, string program) => CounterPrefix + jurisdiction.Replace('/', '~') + "|" + program;
}
