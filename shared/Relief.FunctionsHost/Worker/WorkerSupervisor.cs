using System.Globalization;
using Microsoft.Extensions.Logging;
using Relief.FunctionsHost.Metadata;
using Relief.FunctionsHost.Rpc;
using Relief.FunctionsHost.Startup;

namespace Relief.FunctionsHost.Worker;

/// <summary>
/// Owns the worker's lifetime, as the Functions host does: starts it, initialises it, indexes and loads its
/// functions, and restarts it when it dies or its stream drops (invocations in flight fail with
/// <see cref="WorkerLostException"/>; callers that may retry wait for <see cref="ReadyAsync"/>). Stopping
/// sends WorkerTerminate, waits the grace period, then kills.
/// </summary>
internal sealed class WorkerSupervisor(
    HostContext context,
    WorkerRegistry registry,
    HostEndpoints endpoints,
    TimeProvider time,
    ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger("Relief.FunctionsHost.Worker");
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource<WorkerSession> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WorkerSession? _current;
    private Task _watch = Task.CompletedTask;
    private int _generation;

    /// <summary>The functions, as indexed by the first worker.</summary>
    public FunctionIndex? Index { get; private set; }

    /// <summary>The worker's process id (for status and tests), or null while none runs.</summary>
    public int? ProcessId => _current?.Process.ProcessId;

    /// <summary>How many times a worker was started.</summary>
    public int Starts => _generation;

    /// <summary>Starts the first worker and returns its functions; fails (naming the problem) if it cannot.</summary>
    public async Task<FunctionIndex> StartAsync(CancellationToken cancellationToken)
    {
        var (session, index) = await LaunchAsync(null, cancellationToken).ConfigureAwait(false);
        Index = index;
        Publish(session);
        return index;
    }

    /// <summary>The current worker once it is ready (waits through a restart).</summary>
    public Task<WorkerSession> ReadyAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return _ready.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the worker: WorkerTerminate, then a kill after the grace period.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        var session = _current;
        if (session is not null)
        {
            try
            {
                session.Channel.Post(new StreamingMessage
                {
                    WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(context.Options.WorkerTerminateGrace) },
                });
            }
            catch (WorkerLostException)
            {
                // Already gone.
            }

            await Task.WhenAny(session.Process.Exited, Task.Delay(context.Options.WorkerTerminateGrace, time)).ConfigureAwait(false);
            await session.Process.DisposeAsync().ConfigureAwait(false);
            session.Channel.Close(new WorkerLostException("The host is stopping."));
        }

        await _watch.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested) await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Publish(WorkerSession session)
    {
        lock (_gate)
        {
            _current = session;
            _ready.TrySetResult(session);
        }

        _watch = WatchAsync(session);
    }

    /// <summary>Waits for the worker to die or its stream to drop, then restarts it with backoff.</summary>
    private async Task WatchAsync(WorkerSession session)
    {
        await Task.WhenAny(session.Process.Exited, session.Channel.Closed).ConfigureAwait(false);
        if (_stopping.IsCancellationRequested) return;
        lock (_gate)
        {
            _current = null;
            _ready = new TaskCompletionSource<WorkerSession>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var exit = session.Process.Exited.IsCompleted ? session.Process.Exited.Result.ToString(CultureInfo.InvariantCulture) : "running; stream lost";
        Logs.WorkerDied(_logger, session.Channel.WorkerId, exit);
        session.Channel.Close(new WorkerLostException($"Worker {session.Channel.WorkerId} stopped (exit {exit})."));
        session.Process.Kill();
        registry.Remove(session.Channel.WorkerId);

        var delay = context.Options.WorkerRestartDelay;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, _stopping.Token).ConfigureAwait(false);
                var (next, _) = await LaunchAsync(Index, _stopping.Token).ConfigureAwait(false);
                Logs.WorkerRestarted(_logger, next.Channel.WorkerId, next.Process.ProcessId);
                Publish(next);
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WorkerLostException or TimeoutException or FunctionIndexException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                Logs.WorkerRestartFailed(_logger, ex, delay);
                delay = delay * 2 > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : delay * 2;
            }
        }
    }

    /// <summary>Starts a worker, initialises it and loads the functions (those of <paramref name="expected"/> after a restart).</summary>
    private async Task<(WorkerSession Session, FunctionIndex Index)> LaunchAsync(FunctionIndex? expected, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Increment(ref _generation);
        var workerId = Guid.CreateVersion7(time.GetUtcNow()).ToString("D");
        var channel = new WorkerChannel(workerId, _logger);
        channel.Log += log => Logs.WorkerLog(_logger, ToLevel(log.Level), log.Category, log.InvocationId, log.Message, log.Exception?.Message);
        registry.Add(channel);
        var process = WorkerProcess.Start(new WorkerStartInfo(
            context.Worker, context.AppFolder, endpoints.InternalUri, workerId, workerId, context.Options.MaxMessageLength, context.WorkerEnvironment), _logger);
        Logs.WorkerStarting(_logger, workerId, process.ProcessId, generation);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(context.Options.WorkerStartTimeout);
        try
        {
            var died = process.Exited.ContinueWith(
                t => throw new WorkerLostException($"The worker exited with code {t.Result} before it was ready; see its output above."),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await Task.WhenAny(channel.Connected, died).Unwrap().WaitAsync(timeout.Token).ConfigureAwait(false);

            var init = await channel.RequestAsync(new StreamingMessage
            {
                RequestId = workerId,
                WorkerInitRequest = new WorkerInitRequest
                {
                    HostVersion = HostContext.HostVersion,
                    WorkerDirectory = context.AppFolder,
                    FunctionAppDirectory = context.AppFolder,
                },
            }, "init", timeout.Token).ConfigureAwait(false);
            var initResult = init.WorkerInitResponse.Result;
            if (initResult?.Status != StatusResult.Types.Status.Success)
            {
                throw new InvalidOperationException($"The worker failed to initialise: {initResult?.Exception?.Message ?? initResult?.Result}");
            }

            Uri? httpUri = init.WorkerInitResponse.Capabilities.TryGetValue("HttpUri", out var uri) && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed : null;

            // Worker indexing (worker.config.json "workerIndexing": "true") asks the worker; otherwise, as the
            // Functions host does, the host reads the functions.metadata file the build wrote.
            FunctionIndex index;
            if (context.Worker.WorkerIndexing)
            {
                var metadata = await channel.RequestAsync(new StreamingMessage
                {
                    RequestId = workerId,
                    FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = context.AppFolder },
                }, "metadata", timeout.Token).ConfigureAwait(false);
                index = FunctionIndex.FromMetadata(metadata.FunctionMetadataResponse, context.AppFolder);
            }
            else
            {
                index = FunctionIndex.FromFile(Path.Combine(context.AppFolder, "functions.metadata"));
            }

            if (expected is not null)
            {
                var missing = expected.All.Select(f => f.Name).Except(index.All.Select(f => f.Name), StringComparer.OrdinalIgnoreCase).ToArray();
                if (missing.Length > 0) throw new FunctionIndexException(missing[0], "the restarted worker no longer exports this function.");
            }

            // One FunctionLoadRequest per function (the worker answers each; a collection gets no answer).
            var loads = index.All.Select(async function =>
            {
                var answer = await channel.RequestAsync(new StreamingMessage
                {
                    RequestId = workerId,
                    FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = FunctionIndex.ToRpc(function, context.AppFolder) },
                }, "load:" + function.FunctionId, timeout.Token).ConfigureAwait(false);
                var result = answer.FunctionLoadResponse.Result;
                if (result?.Status != StatusResult.Types.Status.Success)
                {
                    throw new FunctionIndexException(function.Name, $"the worker could not load it: {result?.Exception?.Message ?? result?.Result}");
                }

                return (function.Name, function.FunctionId);
            });
            var ids = (await Task.WhenAll(loads).ConfigureAwait(false)).ToDictionary(p => p.Name, p => p.FunctionId, StringComparer.OrdinalIgnoreCase);
            return (new WorkerSession(process, channel, httpUri, ids), index);
        }
        catch (Exception ex)
        {
            registry.Remove(workerId);
            channel.Close(new WorkerLostException("The worker did not start."));
            await process.DisposeAsync().ConfigureAwait(false);
            if (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The worker did not connect, initialise and load its functions within {context.Options.WorkerStartTimeout}.", ex);
            }

            throw;
        }
    }

    private static LogLevel ToLevel(RpcLog.Types.Level level) => level switch
    {
        RpcLog.Types.Level.Trace => LogLevel.Trace,
        RpcLog.Types.Level.Debug => LogLevel.Debug,
        RpcLog.Types.Level.Information => LogLevel.Information,
        RpcLog.Types.Level.Warning => LogLevel.Warning,
        RpcLog.Types.Level.Error => LogLevel.Error,
        RpcLog.Types.Level.Critical => LogLevel.Critical,
        _ => LogLevel.None,
    };
}
