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
    private readonly Func<string, HistoryEvent, bool> _startInProcess;

    /// <summary>How long host start waits for the task hub check before leaving it to the background.</summary>
    private static readonly TimeSpan StartCheckTimeout = TimeSpan.FromSeconds(5);

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
        _startInProcess = (instanceId, start) =>
        {
            PartitionProcessor? processor;
            lock (_gate) _processors.TryGetValue(storage.PartitionOf(instanceId), out processor);
            return processor?.TryStartLocal(instanceId, start) == true;
        };
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

    /// <summary>
    /// Refuses to start when the task hub was created with another partition count
    /// (<see cref="TaskHubMismatchException"/>). If storage cannot be reached within a few seconds, the host starts
    /// anyway and the check is retried in the background before any partition is used (a mismatch found then
    /// stops this service).
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(StartCheckTimeout, _w.Clock.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _w.Storage.CheckTaskHubAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Logs.StartCheckDeferred(_w.Logger, _w.Options.HubName, StartCheckTimeout);
        }
        catch (Exception ex) when (StorageFailures.IsTransient(ex))
        {
            Logs.LeaseLoopFailed(_w.Logger, ex);
        }
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _w.Stopping = stoppingToken;
        // Storage may be briefly unreachable at start: keep trying rather than stopping the host.
        // (A partition-count mismatch is a configuration error: StartAsync throws it, or, if storage was not
        // reachable then, it ends this service here.)
        while (true)
        {
            try
            {
                await _w.Storage.EnsureCreatedAsync(stoppingToken).ConfigureAwait(false);
                await _leases.InitializeAsync(stoppingToken).ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (StorageFailures.IsTransient(ex))
            {
                Logs.LeaseLoopFailed(_w.Logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(5), _w.Clock.Time, stoppingToken).ConfigureAwait(false);
            }
        }
        Logs.WorkerStarted(_w.Logger, _w.HostId, _w.Options.HubName, _w.Options.PartitionCount);
        _w.Storage.StartInProcess = _startInProcess;
        var workItems = Task.Run(() => _w.Dispatcher.RunQueueLoopAsync(_w.Clock, stoppingToken), CancellationToken.None);
        var sweeper = new PendingStartSweeper(_w, () => _leases.Owned, partition =>
        {
            lock (_gate) return _processors.GetValueOrDefault(partition);
        });
        var sweeping = Task.Run(() => sweeper.RunAsync(stoppingToken), CancellationToken.None);
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
            _w.Storage.StartInProcess = null;
            await ShutdownAsync().ConfigureAwait(false);
            await workItems.ConfigureAwait(false);
            await sweeping.ConfigureAwait(false);
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
