using System.Collections.Concurrent;
using System.Threading.Channels;
using Azure;
using Azure.Storage.Queues.Models;
using DurableTask.Core;
using DurableTask.Core.Query;
using Microsoft.Extensions.Logging;
using Relief.Durable.Dispatch;
using Relief.Durable.Metrics;
using Relief.Durable.Options;
using Relief.Durable.Partitions;
using Relief.Durable.Storage;

namespace Relief.Durable;

/// <summary>
/// Relief's lean storage provider for the Durable Task Framework on Azure Storage. One row per instance holds its
/// status and current history, and each episode is one ETag-checked write of that row; activities, their results,
/// timers and starts stay in the memory of the partition's owner (and are re-armed from the rows when a partition
/// is taken over); control queues carry what must survive on its own — raised events, terminations, messages
/// between instances, starts for partitions another host owns. See README.md for the layout and guarantees.
/// </summary>
public sealed partial class LeanOrchestrationService :
    IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient, IDisposable
{
    private static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinPollDelay = TimeSpan.FromMilliseconds(50);

    private readonly LeanDurableOptions _options;
    private readonly HubStorage _storage;
    private readonly MessageCodec _codec;
    private readonly LeaseManager _leases;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, InstanceSlot> _slots = new(StringComparer.Ordinal);
    private readonly Channel<InstanceSlot> _ready = Channel.CreateUnbounded<InstanceSlot>();
    private readonly Channel<LeanActivityWorkItem> _activities = Channel.CreateUnbounded<LeanActivityWorkItem>();
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _pollers = new();
    private readonly ConcurrentDictionary<ITimer, byte> _timers = new();
    private readonly ConcurrentDictionary<string, List<TaskCompletionSource<OrchestrationState>>> _waiters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _background = new();
    private readonly CancellationTokenSource _stop = new();
    private int _localActivities;
    private Task _leaseLoop = Task.CompletedTask;
    private bool _started;

    /// <summary>Creates the provider (no I/O until <see cref="CreateIfNotExistsAsync"/> or <see cref="StartAsync"/>).</summary>
    public LeanOrchestrationService(LeanDurableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = options.TimeProvider;
        _logger = options.LoggerFactory.CreateLogger("Relief.Durable");
        Metrics = options.Metrics ?? new StorageRequestMetrics();
        _storage = new HubStorage(options.ConnectionString, new StorageNames(options.HubName), options.PartitionCount, Metrics);
        _codec = new MessageCodec(_storage);
        _leases = new LeaseManager(_storage, options, _logger);
        _leases.Acquired += OnPartitionAcquired;
        _leases.Lost += OnPartitionLost;
    }

    /// <summary>Every storage request this provider sent, by service and operation.</summary>
    public StorageRequestMetrics Metrics { get; }

    /// <summary>The partitions this host serves now.</summary>
    public int[] OwnedPartitions => _leases.OwnedPartitions();

    /// <summary>The storage names of the hub.</summary>
    public StorageNames Names => _storage.Names;

    /// <inheritdoc />
    public int TaskOrchestrationDispatcherCount => 1;

    /// <inheritdoc />
    public int MaxConcurrentTaskOrchestrationWorkItems => _options.MaxConcurrentOrchestrations;

    /// <inheritdoc />
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => BehaviorOnContinueAsNew.Carryover;

    /// <inheritdoc />
    public int TaskActivityDispatcherCount => 1;

    /// <inheritdoc />
    public int MaxConcurrentTaskActivityWorkItems => _options.MaxConcurrentActivities;

    /// <inheritdoc />
    public async Task StartAsync()
    {
        if (_started) return;
        _started = true;
        await _storage.CreateIfNotExistsAsync(_stop.Token).ConfigureAwait(false);
        // The first round before returning: a host that just started serves its partitions at once.
        try
        {
            await _leases.RunOnceAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            Logs.LeaseRoundFailed(_logger, ex);
        }

        _leaseLoop = Task.Run(() => LeaseLoopAsync(_stop.Token));
    }

    /// <inheritdoc />
    public Task StopAsync() => StopAsync(false);

    /// <inheritdoc />
    public async Task StopAsync(bool isForced)
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _leaseLoop.ConfigureAwait(false);
        foreach (var timer in _timers.Keys) timer.Dispose();
        _timers.Clear();
        try
        {
            await Task.WhenAll(_background.Keys).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or RequestFailedException or OperationCanceledException)
        {
            // Unfinished deletes: their messages are recognised as consumed when seen again.
        }

        if (_started)
        {
            using var release = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _leases.ReleaseAllAsync(release.Token).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task CreateAsync() => CreateAsync(false);

    /// <inheritdoc />
    public async Task CreateAsync(bool recreateInstanceStore)
    {
        if (recreateInstanceStore) await DeleteAsync(true).ConfigureAwait(false);
        await _storage.CreateIfNotExistsAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task CreateIfNotExistsAsync() => _storage.CreateIfNotExistsAsync(CancellationToken.None);

    /// <inheritdoc />
    public Task DeleteAsync() => DeleteAsync(true);

    /// <inheritdoc />
    public Task DeleteAsync(bool deleteInstanceStore) => _storage.DeleteAsync(deleteInstanceStore, CancellationToken.None);

    /// <inheritdoc />
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => false;

    /// <inheritdoc />
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => exception is RequestFailedException { Status: 409 or 412 } ? 0 : 1;

    /// <inheritdoc />
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => 1;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var timer in _timers.Keys) timer.Dispose();
        foreach (var poller in _pollers.Values) poller.Cancel();
        _storage.Dispose();
        _stop.Dispose();
    }

    private int PartitionOf(string instanceId) => PartitionHash.PartitionOf(instanceId, _options.PartitionCount);

    private async Task LeaseLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.LeaseRenewInterval, _time, stop).ConfigureAwait(false);
                await _leases.RunOnceAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or IOException or HttpRequestException or TimeoutException)
            {
                Logs.LeaseRoundFailed(_logger, ex);
            }
        }
    }

    private void OnPartitionAcquired(int partition)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        if (_pollers.TryRemove(partition, out var old)) old.Cancel();
        _pollers[partition] = cts;
        Track(Task.Run(async () =>
        {
            await TakeOverAsync(partition, cts.Token).ConfigureAwait(false);
            await PollControlQueueAsync(partition, cts.Token).ConfigureAwait(false);
        }));
    }

    private void OnPartitionLost(int partition)
    {
        if (_pollers.TryRemove(partition, out var cts)) cts.Cancel();
        foreach (var slot in _slots.Values.Where(s => s.Partition == partition))
        {
            lock (slot) if (!slot.Locked) slot.Cached = null;
        }
    }

    /// <summary>Receives a partition's control queue into the instances' slots, backing off while it is empty.</summary>
    private async Task PollControlQueueAsync(int partition, CancellationToken stop)
    {
        var queue = _storage.ControlQueues[partition];
        var delay = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (delay > TimeSpan.Zero) await Task.Delay(delay, _time, stop).ConfigureAwait(false);
                QueueMessage[] received = await queue.ReceiveMessagesAsync(32, _options.MessageVisibilityTimeout, stop).ConfigureAwait(false);
                foreach (var message in received)
                {
                    var body = message.Body.ToString();
                    var receipt = new QueueReceipt(queue, message.MessageId, message.PopReceipt, message.DequeueCount, body);
                    try
                    {
                        var (id, taskMessage) = await _codec.DecodeAsync(body, stop).ConfigureAwait(false);
                        Deliver(new InboundMessage(id, taskMessage, receipt));
                    }
                    catch (Exception ex) when (ex is FormatException or Newtonsoft.Json.JsonException or RequestFailedException { Status: 404 })
                    {
                        await PoisonAsync(receipt, message.MessageId, "unreadable: " + ex.Message, stop).ConfigureAwait(false);
                    }
                }

                delay = received.Length > 0 ? TimeSpan.Zero : Next(delay);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or IOException or HttpRequestException or TimeoutException)
            {
                Logs.PollFailed(_logger, partition, ex);
                delay = Next(delay);
            }
        }
    }

    private TimeSpan Next(TimeSpan delay)
    {
        var next = delay < MinPollDelay ? MinPollDelay : delay * 2;
        return next > _options.MaxQueuePollingInterval ? _options.MaxQueuePollingInterval : next;
    }

    /// <summary>Adds a message to its instance's slot and makes the slot ready.</summary>
    private void Deliver(InboundMessage message)
    {
        var instanceId = message.Message.OrchestrationInstance.InstanceId;
        while (true)
        {
            var slot = _slots.GetOrAdd(instanceId, id => new InstanceSlot(id, PartitionOf(id)));
            lock (slot)
            {
                if (slot.Removed) continue;
                slot.Pending.Add(message);
                if (!slot.Locked && !slot.Queued)
                {
                    slot.Queued = true;
                    _ready.Writer.TryWrite(slot);
                }

                return;
            }
        }
    }

    /// <summary>Delivers in memory when this host serves the instance's partition, else through its control queue.</summary>
    private Task DeliverOrSendAsync(string id, TaskMessage message, CancellationToken cancellationToken)
    {
        if (_leases.Owns(PartitionOf(message.OrchestrationInstance.InstanceId)))
        {
            Deliver(new InboundMessage(id, message, null));
            return Task.CompletedTask;
        }

        return SendAsync(id, message, cancellationToken);
    }

    /// <summary>Puts a message on the control queue of its instance's partition.</summary>
    private async Task SendAsync(string id, TaskMessage message, CancellationToken cancellationToken)
    {
        var body = await _codec.EncodeAsync(id, message, cancellationToken).ConfigureAwait(false);
        var queue = _storage.ControlQueues[PartitionOf(message.OrchestrationInstance.InstanceId)];
        await queue.SendMessageAsync(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves a queue message to the poison queue with its reason, then deletes it.</summary>
    private async Task PoisonAsync(QueueReceipt receipt, string messageId, string reason, CancellationToken cancellationToken)
    {
        Logs.Poisoned(_logger, messageId, reason);
        var entry = System.Text.Json.JsonSerializer.Serialize(new { reason, queue = receipt.Queue.Name, body = receipt.Body });
        if (entry.Length > MessageCodec.MaxInlineBytes / 2) entry = System.Text.Json.JsonSerializer.Serialize(new { reason, queue = receipt.Queue.Name, bodyStart = receipt.Body[..Math.Min(receipt.Body.Length, 20_000)] });
        await _storage.Poison.SendMessageAsync(entry, cancellationToken).ConfigureAwait(false);
        await DeleteReceiptAsync(receipt, cancellationToken).ConfigureAwait(false);
    }

    private static async Task DeleteReceiptAsync(QueueReceipt receipt, CancellationToken cancellationToken)
    {
        try
        {
            await receipt.Queue.DeleteMessageAsync(receipt.MessageId, receipt.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            // Received again since (new pop receipt) or gone: recognised as consumed when seen again.
        }
    }

    /// <summary>Runs <paramref name="action"/> at <paramref name="dueUtc"/> (any distance: long waits are chained).</summary>
    private void At(DateTime dueUtc, Action action)
    {
        var wait = dueUtc - _time.GetUtcNow().UtcDateTime;
        if (wait <= TimeSpan.Zero)
        {
            action();
            return;
        }

        var step = wait > TimeSpan.FromDays(30) ? TimeSpan.FromDays(30) : wait;
        ITimer? timer = null;
        timer = _time.CreateTimer(_ =>
        {
            if (timer is not null && _timers.TryRemove(timer, out var _)) timer.Dispose();
            if (_stop.IsCancellationRequested) return;
            At(dueUtc, action);
        }, null, step, Timeout.InfiniteTimeSpan);
        _timers[timer] = 0;
        if (_stop.IsCancellationRequested && _timers.TryRemove(timer, out var _)) timer.Dispose();
    }

    private void Track(Task task)
    {
        _background[task] = 0;
        task.ContinueWith(t => _background.TryRemove(t, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
