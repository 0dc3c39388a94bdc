using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Relief.Durable.Benchmarks;

/// <summary>Azurite's raw capacity on this machine: simple table inserts and queue round trips.</summary>
internal static class RawCapacity
{
    private static int _run;

    public static async Task<double> TableWritesPerSecondAsync(string connection, int count, int concurrency, CancellationToken cancellationToken)
    {
        var table = new TableClient(connection, "rawcapacity" + Interlocked.Increment(ref _run).ToString(CultureInfo.InvariantCulture));
        await table.CreateIfNotExistsAsync(cancellationToken);
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var key = i.ToString("D8", CultureInfo.InvariantCulture);
                await table.AddEntityAsync(new TableEntity(key, key) { ["Value"] = "payload " + key }, cancellationToken);
            }
        }));
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Entity-group transactions of two rows (an upsert and an insert in one partition), the shape of an episode commit.</summary>
    public static async Task<double> TwoRowBatchesPerSecondAsync(string connection, int count, int concurrency, CancellationToken cancellationToken)
    {
        var table = new TableClient(connection, "rawcapacity" + Interlocked.Increment(ref _run).ToString(CultureInfo.InvariantCulture));
        await table.CreateIfNotExistsAsync(cancellationToken);
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var key = i.ToString("D8", CultureInfo.InvariantCulture);
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(key, "!state") { ["Value"] = "state " + key }),
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(key, "000001") { ["Value"] = "events " + key }),
                ], cancellationToken);
            }
        }));
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Send + receive + delete of one message = one round trip (three transactions).</summary>
    public static async Task<double> QueueRoundTripsPerSecondAsync(string connection, int count, int concurrency, CancellationToken cancellationToken)
    {
        var queue = new QueueClient(connection, "rawcapacity-" + Interlocked.Increment(ref _run).ToString(CultureInfo.InvariantCulture));
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                await queue.SendMessageAsync("ping", cancellationToken);
                while (true)
                {
                    var received = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30), cancellationToken)).Value;
                    if (received.Length == 0) continue;
                    await queue.DeleteMessageAsync(received[0].MessageId, received[0].PopReceipt, cancellationToken);
                    break;
                }
            }
        }));
        return count / watch.Elapsed.TotalSeconds;
    }
}
