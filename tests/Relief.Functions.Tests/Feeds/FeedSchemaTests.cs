using System.Text.Json;
using Relief.Cases.Feeds;
using Relief.Functions.Feeds;
using Relief.Testing;

namespace Relief.Functions.Tests.Feeds;

/// <summary>The published feed contracts (<c>Feeds/feeds.schema.json</c>) say exactly what the app reads, and every feed has its queue.</summary>
public sealed class FeedSchemaTests
{
    private static readonly Type[] Messages =
        [typeof(DeathNoticeMessage), typeof(DisabilityRegistrationMessage), typeof(MedicalSelfPayMessage), typeof(HukouMoveMessage), typeof(CustodyNoticeMessage), typeof(JobPlacementMessage)];

    [Fact]
    public void Schema_NamesEveryPropertyOfEveryMessage_AndNoOther()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "functions", "Relief.Functions", "Feeds", "feeds.schema.json")));
        var defs = schema.RootElement.GetProperty("$defs");
        Assert.Equal(Messages.Select(t => t.Name).Order(), defs.EnumerateObject().Select(d => d.Name).Order());
        foreach (Type message in Messages)
        {
            var documented = defs.GetProperty(message.Name).GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();
            var read = message.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order();
            Assert.Equal(read, documented);
            Assert.False(defs.GetProperty(message.Name).GetProperty("additionalProperties").GetBoolean());
        }
    }

    [Fact]
    public void EveryFeed_HasItsQueueSetting()
    {
        Assert.Equal(FeedKinds.All.Order(), FeedQueues.All.Keys.Order());
        Assert.Equal(FeedKinds.All.Count, FeedQueues.All.Values.Select(v => v.Setting).Distinct().Count());
    }
}
