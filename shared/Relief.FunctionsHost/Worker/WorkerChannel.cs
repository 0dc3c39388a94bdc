using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Relief.FunctionsHost.Rpc;

namespace Relief.FunctionsHost.Worker;

/// <summary>
/// The event stream of one worker process. Messages to the worker go through one queue and one writer
/// (gRPC streams take one write at a time); answers are matched to their requests by key (init,
/// metadata, load per function id, invocation per invocation id), since they come back in any order.
/// When the stream ends every outstanding request fails with <see cref="WorkerLostException"/>.
/// </summary>
internal sealed class WorkerChannel(string workerId, ILogger logger)
{
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _isClosed;

    public string WorkerId { get; } = workerId;

    /// <summary>Completes when the worker has opened its stream.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Completes when the stream has ended.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Raised for each RpcLog the worker sends.</summary>
    public event Action<RpcLog>? Log;

    /// <summary>Pumps the stream until it ends (called by the gRPC service for this worker's call).</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        _connected.TrySetResult();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = WriteAsync(responses, stop.Token);
        try
        {
            while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                Dispatch(requests.Current);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or Grpc.Core.RpcException or InvalidOperationException)
        {
            Logs.WorkerStreamBroken(logger, WorkerId, ex.GetType().Name);
        }
        finally
        {
            Close(new WorkerLostException($"The event stream of worker {WorkerId} ended."));
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await writer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
    }

    /// <summary>Sends <paramref name="message"/> and waits for the answer filed under <paramref name="key"/>.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage message, string key, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(key, answer)) throw new InvalidOperationException($"A request '{key}' is already outstanding.");
        try
        {
            if (_isClosed) throw new WorkerLostException($"Worker {WorkerId} is not connected.");
            Post(message);
            return await answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(key, out _);
        }
    }

    /// <summary>Sends without waiting for an answer.</summary>
    public void Post(StreamingMessage message)
    {
        if (!_outbound.Writer.TryWrite(message)) throw new WorkerLostException($"Worker {WorkerId} is not connected.");
    }

    /// <summary>Ends the channel: outstanding requests fail with <paramref name="reason"/>.</summary>
    public void Close(Exception reason)
    {
        _isClosed = true;
        _outbound.Writer.TryComplete();
        _connected.TrySetException(reason);
        foreach (var pending in _pending.Values) pending.TrySetException(reason);
        _closed.TrySetResult();
    }

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await responses.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            Log?.Invoke(message.RpcLog);
            return;
        }

        var key = message.ContentCase switch
        {
            StreamingMessage.ContentOneofCase.WorkerInitResponse => "init",
            StreamingMessage.ContentOneofCase.FunctionMetadataResponse => "metadata",
            StreamingMessage.ContentOneofCase.FunctionLoadResponse => "load:" + message.FunctionLoadResponse.FunctionId,
            StreamingMessage.ContentOneofCase.InvocationResponse => "invoke:" + message.InvocationResponse.InvocationId,
            _ => null,
        };
        if (key is not null && _pending.TryGetValue(key, out var waiting))
        {
            waiting.TrySetResult(message);
        }
        else
        {
            Logs.WorkerMessageUnmatched(logger, WorkerId, message.ContentCase.ToString());
        }
    }
}
