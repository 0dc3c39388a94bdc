using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Relief.Testing;

namespace Relief.FunctionsHost.Tests.Support;

/// <summary>Sends to and reads from the test run's Azurite queues (base64, as the Functions SDKs write).</summary>
public static class QueueProbe
{
    public static async Task<QueueClient> QueueAsync(string name)
    {
        var azurite = await AzuriteServer.Shared;
        var queue = new QueueClient(azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    public static async Task<string> SendAsync(string queueName, string text)
    {
        var queue = await QueueAsync(queueName);
        var sent = await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
        return sent.Value.MessageId;
    }

    /// <summary>Reads (and deletes) messages until <paramref name="count"/> match, or the time is up.</summary>
    public static async Task<List<JsonElement>> ReceiveJsonAsync(string queueName, Func<JsonElement, bool> match, int count, TimeSpan timeout)
    {
        var queue = await QueueAsync(queueName);
        var found = new List<JsonElement>();
        var clock = Stopwatch.StartNew();
        while (found.Count < count && clock.Elapsed < timeout)
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
            foreach (var message in messages)
            {
                var text = Decode(message.Body.ToString());
                using var document = JsonDocument.Parse(text);
                var element = document.RootElement.Clone();
                if (match(element)) found.Add(element);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }

            if (messages.Length == 0) await Task.Delay(200);
        }

        return found;
    }

    /// <summary>Reads (and deletes) text messages for <paramref name="duration"/>.</summary>
    public static async Task<List<string>> DrainTextAsync(string queueName, TimeSpan duration)
    {
        var queue = await QueueAsync(queueName);
        var found = new List<string>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var messages = (await queue.ReceiveMessagesAsync(32)).Value;
            foreach (var message in messages)
            {
                found.Add(Decode(message.Body.ToString()));
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }

            if (messages.Length == 0) await Task.Delay(200);
        }

        return found;
    }

    public static string Decode(string body)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(body));
        }
        catch (FormatException)
        {
            return body;
        }
    }
}
