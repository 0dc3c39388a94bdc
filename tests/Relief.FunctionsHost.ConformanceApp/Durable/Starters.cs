using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Relief.FunctionsHost.ConformanceApp.Durable;

/// <summary>Starts orchestrations from HTTP and from a queue, and manages them over HTTP.</summary>
public static class Starters
{
    /// <summary><c>POST /api/orchestrators/{name}?id=…</c> with a JSON input: starts it and answers 202 with the status URLs.</summary>
    [Function(nameof(StartOrchestration))]
    public static async Task<IActionResult> StartOrchestration(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orchestrators/{name}")] HttpRequest request,
        string name,
        [DurableClient] DurableTaskClient client)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        object? input = string.IsNullOrWhiteSpace(body) ? null : System.Text.Json.JsonDocument.Parse(body).RootElement.Clone();
        var options = request.Query["id"] is { Count: > 0 } id ? new StartOrchestrationOptions(id.ToString()) : null;
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(name, input, options, request.HttpContext.RequestAborted);
        return new ObjectResult(new { id = instanceId }) { StatusCode = (int)HttpStatusCode.Accepted };
    }

    /// <summary>A queue message <c>{"name":…,"id":…,"input":…}</c> starts an orchestration.</summary>
    [Function(nameof(StartFromQueue))]
    public static Task StartFromQueue([QueueTrigger("%StartQueue%")] StartRequest start, [DurableClient] DurableTaskClient client) =>
        client.ScheduleNewOrchestrationInstanceAsync(start.Name, start.Input, new StartOrchestrationOptions(start.Id));

    /// <summary><c>GET /api/instances/{id}</c>: status, output and custom status.</summary>
    [Function(nameof(GetInstance))]
    public static async Task<IActionResult> GetInstance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "instances/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client)
    {
        var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, request.HttpContext.RequestAborted);
        return metadata is null
            ? new NotFoundResult()
            : new OkObjectResult(new
            {
                status = metadata.RuntimeStatus.ToString(),
                output = metadata.SerializedOutput,
                customStatus = metadata.SerializedCustomStatus,
                failure = metadata.FailureDetails?.ErrorMessage,
            });
    }

    /// <summary><c>POST /api/instances/{id}/events/{eventName}</c> with a JSON payload raises an event.</summary>
    [Function(nameof(RaiseEvent))]
    public static async Task<IActionResult> RaiseEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "instances/{id}/events/{eventName}")] HttpRequest request,
        string id, string eventName, [DurableClient] DurableTaskClient client)
    {
        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        await client.RaiseEventAsync(id, eventName, System.Text.Json.JsonSerializer.Deserialize<string>(payload), request.HttpContext.RequestAborted);
        return new AcceptedResult();
    }

    /// <summary><c>POST /api/instances/{id}/terminate</c>.</summary>
    [Function(nameof(Terminate))]
    public static async Task<IActionResult> Terminate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "instances/{id}/terminate")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient client)
    {
        await client.TerminateInstanceAsync(id, "terminated by the test", request.HttpContext.RequestAborted);
        return new AcceptedResult();
    }
}

/// <summary>A queue message asking for an orchestration.</summary>
public sealed record StartRequest(string Name, string Id, int? Input);
