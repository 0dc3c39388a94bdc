using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Relief.FunctionsHost.Tests.Support;

/// <summary>Starts and watches orchestrations through the conformance app's HTTP functions.</summary>
public static class Orchestrations
{
    public static async Task<string> StartAsync(HttpClient client, string name, object? input = null, string? id = null)
    {
        id ??= name + "-" + Guid.NewGuid().ToString("N")[..8];
        using HttpContent content = input is null ? new StringContent("") : JsonContent.Create(input);
        using var response = await client.PostAsync($"api/orchestrators/{name}?id={id}", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return id;
    }

    public static async Task<InstanceStatus> StatusAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"api/instances/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound) return new InstanceStatus("NotFound", null, null, null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InstanceStatus>())!;
    }

    /// <summary>Polls until the instance is Completed, Failed or Terminated. A status call that fails (a request
    /// in flight when a worker dies gets 500, as under the Functions host) is simply tried again.</summary>
    public static async Task<InstanceStatus> WaitForEndAsync(HttpClient client, string id, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        InstanceStatus status = new("Unknown", null, null, null);
        do
        {
            try
            {
                status = await StatusAsync(client, id);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
                continue;
            }

            if (status.Status is "Completed" or "Failed" or "Terminated") return status;
            await Task.Delay(250);
        }
        while (clock.Elapsed < timeout);
        throw new TimeoutException($"Instance {id} is still {status.Status} after {timeout}.");
    }

    /// <summary>Polls until the custom status matches.</summary>
    public static async Task WaitForCustomStatusAsync(HttpClient client, string id, string fragment, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var status = await StatusAsync(client, id);
            if (status.CustomStatus?.Contains(fragment, StringComparison.Ordinal) == true) return;
            await Task.Delay(200);
        }

        throw new TimeoutException($"Instance {id} never showed custom status '{fragment}'.");
    }

    public static T? Output<T>(InstanceStatus status) => status.Output is null ? default : JsonSerializer.Deserialize<T>(status.Output);
}

public sealed record InstanceStatus(string Status, string? Output, string? CustomStatus, string? Failure);
