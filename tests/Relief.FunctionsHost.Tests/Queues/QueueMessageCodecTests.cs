using System.Text.Json;
using Relief.FunctionsHost.Queues;
using Relief.FunctionsHost.Tests.Support;

namespace Relief.FunctionsHost.Tests.Queues;

public sealed class QueueMessageCodecTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("{\"id\":5,\"text\":\"a\"}")]
    [InlineData("  {\"id\":5,\"text\":\"a\"}  ")]
    [InlineData("eyJpZCI6NSwidGV4dCI6ImEifQ==")]
    public void Decode_RawOrBase64Json_ReturnsMessage(string text)
    {
        var result = QueueMessageCodec.Decode<TestMessage>(text, Json);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(new TestMessage(5, "a"), result.Value);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("null", "null")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("/w==", "not UTF-8")]
    public void Decode_Malformed_ReturnsReason(string text, string reason)
    {
        var result = QueueMessageCodec.Decode<TestMessage>(text, Json);

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_Base64_RoundTripsThroughDecode()
    {
        var text = QueueMessageCodec.Encode(new TestMessage(1, "中文"), Json, base64: true);

        Assert.Equal(new TestMessage(1, "中文"), QueueMessageCodec.Decode<TestMessage>(text, Json).Value);
        Assert.Equal("{\"id\":1,\"text\":\"中文\"}", QueueMessageCodec.ToText(text).Replace("\\u4E2D\\u6587", "中文", StringComparison.Ordinal));
    }

    [Fact]
    public void PollingBackoff_EmptyPolls_DoublesToMaximumAndResets()
    {
        var backoff = new PollingBackoff(TimeSpan.FromMilliseconds(500));

        Assert.Equal([100, 200, 400, 500, 500], Enumerable.Range(0, 5).Select(_ => backoff.Next().TotalMilliseconds));
        backoff.Reset();
        Assert.Equal(100, backoff.Next().TotalMilliseconds);
    }
}
