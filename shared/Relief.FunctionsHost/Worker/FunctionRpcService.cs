using Grpc.Core;
using Relief.FunctionsHost.Rpc;

namespace Relief.FunctionsHost.Worker;

/// <summary>The host's gRPC endpoint for workers: each worker opens one EventStream and names itself in StartStream.</summary>
internal sealed class FunctionRpcService(WorkerRegistry registry) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false)) return;
        var first = requestStream.Current;
        if (first.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.InvalidArgument, "The first message of a worker's stream must be StartStream."));
        }

        var channel = registry.Find(first.StartStream.WorkerId)
            ?? throw new Grpc.Core.RpcException(new Status(StatusCode.NotFound, $"No worker '{first.StartStream.WorkerId}' was started by this host."));
        await channel.RunAsync(requestStream, responseStream, context.CancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The workers this host started, by worker id (a stream naming another id is refused).</summary>
internal sealed class WorkerRegistry
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WorkerChannel> _channels = new(StringComparer.Ordinal);

    public void Add(WorkerChannel channel) => _channels[channel.WorkerId] = channel;

    public void Remove(string workerId) => _channels.TryRemove(workerId, out _);

    public WorkerChannel? Find(string workerId) => _channels.TryGetValue(workerId, out var channel) ? channel : null;
}
