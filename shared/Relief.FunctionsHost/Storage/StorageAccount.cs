using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Relief.FunctionsHost.Configuration;

namespace Relief.FunctionsHost.Storage;

/// <summary>Clients of the storage account named by <c>AzureWebJobsStorage</c>.</summary>
public sealed class StorageAccount
{
    /// <summary>Creates the clients; a connection string that does not parse fails naming the setting.</summary>
    public StorageAccount(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        try
        {
            // Queue messages are read and written as raw text: the host decodes base64 itself so it can
            // accept both encodings, and encodes outgoing messages per host.json messageEncoding.
            Queues = new QueueServiceClient(Options.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
            Blobs = new BlobServiceClient(Options.ConnectionString);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new HostConfigurationException(StorageOptions.ConnectionSetting, "is not a valid storage connection string.", ex);
        }
    }

    /// <summary>The storage settings in force.</summary>
    public StorageOptions Options { get; }

    /// <summary>The queue service.</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>The blob service.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>The container that holds the host's own state.</summary>
    public BlobContainerClient HostContainer => Blobs.GetBlobContainerClient(Options.HostContainer);
}
