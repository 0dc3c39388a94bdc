using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Relief.FunctionsHost.Storage;

namespace Relief.FunctionsHost.Timers;

/// <summary>A blob lease on <c>locks/{hostId}/{function}/lock</c>: the host holding it runs the occurrence.
/// Renewed at a third of its duration while held; released on dispose. If a host dies holding it, the
/// lease lapses after its duration.</summary>
internal sealed class TimerLock : IAsyncDisposable
{
    private readonly BlobLeaseClient _lease;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;

    private TimerLock(BlobLeaseClient lease, TimeSpan duration, TimeProvider time)
    {
        _lease = lease;
        _renewal = RenewAsync(duration, time, _stop.Token);
    }

    /// <summary>Takes the lease, or returns null when another host holds it.</summary>
    public static async Task<TimerLock?> TryAcquireAsync(StorageAccount account, string functionName, TimeSpan duration, TimeProvider time, CancellationToken cancellationToken)
    {
        var container = account.HostContainer;
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var blob = container.GetBlobClient($"locks/{account.Options.HostId}/{functionName}/lock");
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Exists already (or is leased by another host).
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(duration, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new TimerLock(lease, duration, time);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewal.ConfigureAwait(false);
        _stop.Dispose();
        try
        {
            await _lease.ReleaseAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Lapsed or taken: nothing to release.
        }
    }

    private async Task RenewAsync(TimeSpan duration, TimeProvider time, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                await Task.Delay(duration / 3, time, stop).ConfigureAwait(false);
                await _lease.RenewAsync(cancellationToken: stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (RequestFailedException)
            {
                return; // Lost the lease; the run goes on, and the status check keeps it from repeating.
            }
        }
    }
}
