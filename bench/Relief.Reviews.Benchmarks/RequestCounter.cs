using Azure.Core;
using Azure.Core.Pipeline;

/// <summary>Counts the storage requests a client sends (every attempt); shared by the table benchmarks.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
