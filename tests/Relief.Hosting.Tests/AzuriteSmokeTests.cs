using Azure.Storage.Queues;
using Relief.Testing;

namespace Relief.Hosting.Tests;

public sealed class AzuriteSmokeTests
{
    [Fact]
    public async Task SharedAzurite_QueueRoundTrip_ReturnsTheMessage()
    {
        var azurite = await AzuriteServer.Shared;
        var queue = new QueueClient(azurite.ConnectionString, UniqueNames.Queue("smoke"));
        await queue.CreateAsync();
        await queue.SendMessageAsync("hello");
        var received = await queue.ReceiveMessageAsync();
        Assert.Equal("hello", received.Value.MessageText);
    }
}
