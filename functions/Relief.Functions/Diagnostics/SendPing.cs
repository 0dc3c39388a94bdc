using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Storage;
using Relief.Functions.Http;

namespace Relief.Functions.Diagnostics;

/// <summary><c>POST /api/ping</c> with <c>{"text": "..."}</c>: puts the message on the <c>ping</c> queue, answers 202.</summary>
public sealed class SendPing(QueueServiceClient queues)
{
    [Function(nameof(SendPing))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ping")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var read = await JsonBodies.ReadAsync<PingMessage>(request, cancellationToken).ConfigureAwait(false);
        if (!read.IsValid) return read.Problem!;
        if (string.IsNullOrWhiteSpace(read.Value!.Text))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Text is required."] });
        }

        var queue = queues.GetQueueClient(Ping.QueueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await queue.SendMessageAsync(JsonSerializer.Serialize(read.Value, StorageJson.Options), cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null, new { queued = Ping.QueueName, invocationId = context.InvocationId });
    }
}
