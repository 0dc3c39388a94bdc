using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Relief.Cases.Intake;
using Relief.Cases.Tests.Builders;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Feeds;

/// <summary>Steps of the feed tests: households with their own member IDs, posting agency messages, reading results.</summary>
internal static class FeedSteps
{
    internal static DateOnly TodayInChina => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    internal static string Month(DateOnly date, int plus = 0) => date.AddMonths(plus).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A rehearsal dibao household (applicant, spouse, child) whose three members have IDs of their own.</summary>
    internal static (ApplicationRequest Application, string Applicant, string Spouse, string Child) Household(int n)
    {
        string applicant = TestIds.For(new DateOnly(1980, 5, 17), 500 + n), spouse = TestIds.For(new DateOnly(1982, 8, 3), 500 + n), child = TestIds.For(new DateOnly(2012, 1, 9), 500 + n);
        string json = JsonSerializer.Serialize(ReliefApp.Rehearsal(TestApplications.QingdaoDibao()), ReliefApp.Json)
            .Replace(TestApplications.ApplicantId, applicant, StringComparison.Ordinal)
            .Replace(TestApplications.SpouseId, spouse, StringComparison.Ordinal)
            .Replace(TestApplications.ChildId, child, StringComparison.Ordinal);
        return (JsonSerializer.Deserialize<ApplicationRequest>(json, ReliefApp.Json)!, applicant, spouse, child);
    }

    /// <summary>Posts an agency message to a feed's queue as the agency would (base64 JSON, the Functions default).</summary>
    internal static async Task PostAsync(ReliefApp app, string feed, object message)
    {
        var queue = new QueueClient(app.ConnectionString, app.FeedQueue(feed), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await queue.CreateIfNotExistsAsync();
        string text = message as string ?? JsonSerializer.Serialize(message, ReliefApp.Json);
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Waits until the record is applied and returns what it did (the feed-records table).</summary>
    internal static async Task<string> ResultAsync(ReliefApp app, string feedCode, string recordId, int seconds = 60)
    {
        var table = new TableClient(app.ConnectionString, app.Setting("Relief:Feeds:Storage:RecordsTableName"));
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            try
            {
                await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RecordId eq {recordId}")))
                {
                    if (row.PartitionKey.StartsWith(feedCode + "|", StringComparison.Ordinal) && row.GetBoolean("Applied") == true) return row.GetString("Result");
                }
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                // Table not created yet.
            }

            await Task.Delay(300);
        }

        Assert.Fail($"Record {feedCode}/{recordId} was not applied.\n{ReliefApp.Tail(app.Host.Output, 60)}");
        return string.Empty;
    }

    /// <summary>Posts <paramref name="message"/> again and waits until the app has seen it as a duplicate (the record's <c>Repeats</c> count).</summary>
    internal static async Task RepeatAsync(ReliefApp app, string feed, string feedCode, string recordId, object message)
    {
        var table = new TableClient(app.ConnectionString, app.Setting("Relief:Feeds:Storage:RecordsTableName"));
        int Repeats() => table.Query<TableEntity>(TableClient.CreateQueryFilter($"RecordId eq {recordId}")).Where(r => r.PartitionKey.StartsWith(feedCode + "|", StringComparison.Ordinal)).Select(r => r.GetInt32("Repeats") ?? 0).SingleOrDefault();
        int before = Repeats();
        await PostAsync(app, feed, message);
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (Repeats() > before) return;
            await Task.Delay(300);
        }

        Assert.Fail($"The duplicate of {feedCode}/{recordId} was not seen.\n{ReliefApp.Tail(app.Host.Output, 60)}");
    }

    /// <summary>The rejections on a feed's poison queue (decoded), waiting for <paramref name="count"/>.</summary>
    internal static async Task<IReadOnlyList<JsonElement>> RejectionsAsync(ReliefApp app, string feed, int count, int seconds = 60)
    {
        var queue = new QueueClient(app.ConnectionString, app.FeedQueue(feed) + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var until = DateTime.UtcNow.AddSeconds(seconds);
        IReadOnlyList<JsonElement> found = [];
        while (DateTime.UtcNow < until)
        {
            if ((await queue.ExistsAsync()).Value)
            {
                found = (await queue.PeekMessagesAsync(32)).Value
                    .Select(m => JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(m.Body.ToString()))).RootElement.Clone()).ToArray();
                if (found.Count >= count) return found;
            }

            await Task.Delay(300);
        }

        Assert.Fail($"{count} rejections expected on {feed}, found {found.Count}.\n{ReliefApp.Tail(app.Host.Output, 60)}");
        return found;
    }

    internal static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    internal static async Task<JsonElement> PostJsonAsync(HttpClient client, string url, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(url, body, ReliefApp.Json);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Waits until GET <paramref name="url"/> answers 200 with a body meeting <paramref name="done"/>.</summary>
    internal static async Task<JsonElement> WaitForJsonAsync(HttpClient client, string url, Func<JsonElement, bool> done, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        string last = string.Empty;
        while (DateTime.UtcNow < until)
        {
            var response = await client.GetAsync(url);
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = JsonDocument.Parse(last).RootElement.Clone();
                if (done(body)) return body;
            }

            await Task.Delay(300);
        }

        Assert.Fail($"GET {url} never met the condition; last: {last}");
        return default;
    }
}
