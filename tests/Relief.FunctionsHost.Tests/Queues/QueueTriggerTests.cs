using System.Text.Json;
using Relief.FunctionsHost.Tests.Support;

namespace Relief.FunctionsHost.Tests.Queues;

[Collection(ConformanceCollection.Name)]
public sealed class QueueTriggerTests(ConformanceHost fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private string Received => fixture.Settings.Queue("ReceivedQueue");

    [Fact]
    public async Task StringParameter_GetsTextAndMetadata_AnswerWrittenByQueueOutput()
    {
        var id = await QueueProbe.SendAsync(fixture.Settings.Queue("StringQueue"), "plain text 低保");

        var received = await QueueProbe.ReceiveJsonAsync(Received, e => Is(e, "QueueString") && e.GetProperty("Text").GetString() == "plain text 低保", 1, Wait);

        var message = Assert.Single(received);
        Assert.Equal(id, message.GetProperty("MessageId").GetString());
        Assert.Equal(1, message.GetProperty("DequeueCount").GetInt64());
        Assert.True(message.GetProperty("InsertedOn").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task PocoParameter_BoundFromJson()
    {
        var id = await QueueProbe.SendAsync(fixture.Settings.Queue("PocoQueue"), """{"orderId":"A-1","quantity":3}""");

        var received = await QueueProbe.ReceiveJsonAsync(Received, e => Is(e, "QueuePoco") && e.GetProperty("MessageId").GetString() == id, 1, Wait);

        Assert.Equal("A-1x3", Assert.Single(received).GetProperty("Text").GetString());
    }

    [Fact]
    public async Task QueueMessageParameter_CarriesIdDequeueCountTimesAndPopReceipt()
    {
        var id = await QueueProbe.SendAsync(fixture.Settings.Queue("SdkQueue"), "sdk message");

        var received = await QueueProbe.ReceiveJsonAsync(Received, e => Is(e, "QueueSdkMessage") && e.GetProperty("MessageId").GetString() == id, 1, Wait);

        var message = Assert.Single(received);
        Assert.Equal("sdk message", message.GetProperty("Text").GetString());
        Assert.Equal(1, message.GetProperty("DequeueCount").GetInt64());
        Assert.False(string.IsNullOrEmpty(message.GetProperty("PopReceipt").GetString()));
        Assert.True(message.GetProperty("ExpiresOn").GetDateTimeOffset() > message.GetProperty("InsertedOn").GetDateTimeOffset());
        Assert.True(message.GetProperty("NextVisibleOn").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task FailingTwice_RetriedAndSucceedsOnThirdAttempt()
    {
        await QueueProbe.SendAsync(fixture.Settings.Queue("FlakyQueue"), "3");

        var received = await QueueProbe.ReceiveJsonAsync(Received, e => Is(e, "QueueFlaky") && e.GetProperty("Text").GetString() == "3", 1, Wait);

        Assert.Equal(3, Assert.Single(received).GetProperty("DequeueCount").GetInt64());
    }

    [Fact]
    public async Task AlwaysFailing_PoisonedAfterMaxDequeueCountWithOriginalBody()
    {
        var id = await QueueProbe.SendAsync(fixture.Settings.Queue("FlakyQueue"), "0");

        var poison = await QueueProbe.ReceiveJsonAsync(fixture.Settings.Queue("FlakyQueue") + "-poison",
            e => e.GetProperty("messageId").GetString() == id, 1, Wait);

        var record = Assert.Single(poison);
        Assert.Equal("0", QueueProbe.Decode(record.GetProperty("body").GetString()!));
        Assert.Equal(3, record.GetProperty("dequeueCount").GetInt64());
        Assert.Contains("fails on purpose", record.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PocoParameter_MalformedJson_RetriedThenPoisoned()
    {
        var id = await QueueProbe.SendAsync(fixture.Settings.Queue("PocoQueue"), "{not json");

        var poison = await QueueProbe.ReceiveJsonAsync(fixture.Settings.Queue("PocoQueue") + "-poison",
            e => e.GetProperty("messageId").GetString() == id, 1, Wait);

        Assert.Equal("{not json", QueueProbe.Decode(Assert.Single(poison).GetProperty("body").GetString()!));
    }

    [Fact]
    public async Task AdminEndpoint_RunsQueueFunctionNowWithTheInput()
    {
        using var response = await fixture.Client.PostAsync("admin/functions/QueueString", new StringContent("""{"input":"from admin"}"""));

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var received = await QueueProbe.ReceiveJsonAsync(Received, e => Is(e, "QueueString") && e.GetProperty("Text").GetString() == "from admin", 1, Wait);
        Assert.Single(received);
    }

    private static bool Is(JsonElement element, string function) => element.GetProperty("Function").GetString() == function;
}
