using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.Durable.Core;
using Relief.Durable.Storage;

namespace Relief.Durable.Worker;

/// <summary>
/// The hosted service that runs orchestrations and activities of one task hub: it takes a fair share
/// of the partitions (rebalanced as processes join and leave), runs a <see cref="PartitionProcessor"/>
/// per owned partition, and serves the work-item queue.
/// </summary>
public sealed class DurableTaskWorker : BackgroundService
{
    private readonly WorkerServices _w;
    private readonly PartitionLeaseManager _leases;
    private readonly Dictionary<int, PartitionProcessor> _processors = [];
    private readonly HashSet<int> _draining = [];
    private readonly object _gate = new();

    /// <summary>Creates the worker (used by dependency injection).</summary>
    public DurableTaskWorker(IOptions<DurableTaskOptions> options, DurableStorage storage, DurableTaskRegistry registry, TimeProvider time,
        InfrastructureClock clock, IIdSource ids, ILoggerFactory loggerFactory, IServiceProvider services, IEpisodeObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var o = options.Value;
        var logger = loggerFactory.CreateLogger("Relief.Durable.Worker");
        var hostId = o.HostId ?? $"{Environment.MachineName}-{Environment.ProcessId}-{ids.NewId()[..6]}";
        _w = new WorkerServices
        {
            Options = o,
            Storage = storage,
            History = new HistoryStore(storage),
            Index = new InstanceIndexStore(storage),
            Timers = new TimerStore(storage),
            Quarantine = new QuarantineStore(storage),
            Registry = registry,
            Executor = new OrchestrationExecutor(registry, loggerFactory),
            Time = time,
            Clock = clock,
            Ids = ids,
            Logger = logger,
            Dispatcher = new ActivityDispatcher(services, registry, storage, o, time, clock, ids, logger),
            HostId = hostId,
            Observer = observer,
            EpisodeSlots = new SemaphoreSlim(o.MaxConcurrentOrchestratorFunctions, o.MaxConcurrentOrchestratorFunctions),
        };
        _leases = new PartitionLeaseManager(storage, o, clock, logger, hostId);
        _w.Dispatcher.DeliverLocal = (instanceId, executionId, result) =>
        {
            PartitionProcessor? processor;
            lock (_gate) _processors.TryGetValue(storage.PartitionOf(instanceId), out processor);
            return processor?.TryDeliverLocal(instanceId, executionId, result) == true;
        };
    }

    /// <summary>This process's host id.</summary>
    public string HostId => _w.HostId;

    /// <summary>Partitions owned right now.</summary>
    public IReadOnlyList<int> OwnedPartitions => _leases.Owned;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _w.Stopping = stoppingToken;
        // Storage may be briefly unreachable at start: keep trying rather than stopping the host.
        // (A partition-count mismatch is a configuration error and does stop it.)
        while (true)
        {
            try
            {
                await _w.Storage.EnsureCreatedAsync(stoppingToken).ConfigureAwait(false);
                await _leases.InitializeAsync(stoppingToken).ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException)
            {
                Logs.LeaseLoopFailed(_w.Logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(5), _w.Clock.Time, stoppingToken).ConfigureAwait(false);
            }
        }
        Logs.WorkerStarted(_w.Logger, _w.HostId, _w.Options.HubName, _w.Options.PartitionCount);
        var workItems = Task.Run(() => _w.Dispatcher.RunQueueLoopAsync(_w.Clock, stoppingToken), CancellationToken.None);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await BalanceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException)
                {
                    Logs.LeaseLoopFailed(_w.Logger, ex);
                }
                await Task.Delay(_w.Options.PartitionLeaseRenewInterval, _w.Clock.Time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await ShutdownAsync().ConfigureAwait(false);
            await workItems.ConfigureAwait(false);
        }
    }

    private async Task BalanceAsync(CancellationToken cancellationToken)
    {
        var (acquired, surplus, lost) = await _leases.RunRoundAsync(cancellationToken).ConfigureAwait(false);
        foreach (var partition in lost)
        {
            PartitionProcessor? processor;
            lock (_gate)
            {
                _processors.Remove(partition, out processor);
                _draining.Remove(partition);
            }
            if (processor is not null) await processor.StopAsync().ConfigureAwait(false);
            Logs.PartitionReleased(_w.Logger, _w.HostId, partition, "lease lost");
        }
        foreach (var partition in acquired)
        {
            var processor = new PartitionProcessor(_w, _leases, partition);
            lock (_gate) _processors[partition] = processor;
            await processor.StartAsync(cancellationToken).ConfigureAwait(false);
            Logs.PartitionAcquired(_w.Logger, _w.HostId, partition);
        }
        foreach (var partition in surplus)
        {
            PartitionProcessor? processor;
            lock (_gate)
            {
                if (!_draining.Add(partition)) continue;
                _processors.TryGetValue(partition, out processor);
            }
            _ = Task.Run(async () =>
            {
                if (processor is not null) await processor.StopAsync().ConfigureAwait(false);
                lock (_gate) _processors.Remove(partition);
                await _leases.ReleaseAsync(partition, CancellationToken.None).ConfigureAwait(false);
                lock (_gate) _draining.Remove(partition);
                Logs.PartitionReleased(_w.Logger, _w.HostId, partition, "rebalance");
            }, CancellationToken.None);
        }
    }

    private async Task ShutdownAsync()
    {
        List<PartitionProcessor> processors;
        lock (_gate) processors = _processors.Values.ToList();
        await Task.WhenAll(processors.Select(p => p.StopAsync())).ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            foreach (var p in processors) await _leases.ReleaseAsync(p.Partition, timeout.Token).ConfigureAwait(false);
            await _leases.LeaveAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or HttpRequestException)
        {
            Logs.BackgroundStorageFailed(_w.Logger, ex, "release on shutdown");
        }
    }
}
