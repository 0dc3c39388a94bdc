using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Relief.FunctionsHost.Storage;

namespace Relief.FunctionsHost.Timers;

/// <summary>Reads and writes a timer's <see cref="ScheduleStatus"/> in blob
/// <c>timers/{hostId}/{function}/status</c> of the host container.</summary>
internal sealed class ScheduleStatusStore(StorageAccount account)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string BlobName(string hostId, string functionName) => $"timers/{hostId}/{functionName}/status";

    public async Task<ScheduleStatus?> ReadAsync(string functionName, CancellationToken cancellationToken)
    {
        var blob = account.HostContainer.GetBlobClient(BlobName(account.Options.HostId, functionName));
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<ScheduleStatus>(Json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task WriteAsync(string functionName, ScheduleStatus status, bool onlyIfAbsent, CancellationToken cancellationToken)
    {
        await account.HostContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var blob = account.HostContainer.GetBlobClient(BlobName(account.Options.HostId, functionName));
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } };
        if (onlyIfAbsent) options.Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            await blob.UploadAsync(BinaryData.FromObjectAsJson(status, Json), options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (onlyIfAbsent && ex.Status is 409 or 412)
        {
            // Another host wrote it first.
        }
    }
}
