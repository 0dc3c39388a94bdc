using System.Text.Json;
using Azure.Storage.Queues;
using Relief.FunctionsHost.Queues;

namespace Relief.FunctionsHost.Tests.Support;

/// <summary>Direct queue access for assertions (raw text, no encoding applied).</summary>
internal static class StorageQueues
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static QueueClient Client(string connectionString, string name) =>
        new(connectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    public static async Task<QueueClient> CreateAsync(string connectionString, string name)
    {
        var queue = Client(connectionString, name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    /// <summary>All messages in the queue, visible or not (approximate count from the service).</summary>
    public static async Task<int> CountAsync(QueueClient queue)
    {
        if (!(await queue.ExistsAsync()).Value) return 0;
        return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
    }

    public static async Task<List<PoisonMessage>> ReadPoisonAsync(string connectionString, string queueName)
    {
        var poison = Client(connectionString, queueName + "-poison");
        if (!(await poison.ExistsAsync()).Value) return [];
        var peeked = await poison.PeekMessagesAsync(32);
        return peeked.Value.Select(m => JsonSerializer.Deserialize<PoisonMessage>(QueueMessageCodec.ToText(m.Body.ToString()), Json)!).ToList();
    }

    public static string Base64Json(object value) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, Json)));

    public static string RawJson(object value) => JsonSerializer.Serialize(value, Json);
}
