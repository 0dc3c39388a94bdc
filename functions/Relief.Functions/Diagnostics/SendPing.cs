using Microsoft.AspNetCore.Http;
using Relief.Hosting.Http;
using Relief.Hosting.Invocations;
using Relief.Hosting.Queues;

namespace Relief.Functions.Diagnostics;

/// <summary><c>POST /api/ping</c> with <c>{"text": "..."}</c>: puts the message on the <c>ping</c> queue, answers 202.</summary>
public sealed class SendPing(IQueueSender queues) : IHttpFunction<PingMessage>
{
    public async Task<IResult> RunAsync(PingMessage body, HttpRequest request, FunctionContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Text))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Text is required."] });
        }

        await queues.SendAsync(Ping.QueueName, body, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null, new { queued = Ping.QueueName, invocationId = context.InvocationId });
    }
}
