using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Relief.Testing;

namespace Relief.Cases.Storage.Tests.Builders;

/// <summary>Service clients on the shared private Azurite.</summary>
internal static class TestStorage
{
    public static async Task<TableServiceClient> TablesAsync() => new((await AzuriteServer.Shared).ConnectionString);

    public static async Task<BlobServiceClient> BlobsAsync() => new((await AzuriteServer.Shared).ConnectionString);

    public static async Task<QueueServiceClient> QueuesAsync() =>
        new((await AzuriteServer.Shared).ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
}
