using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Relief.FunctionsHost.Http;
using Relief.FunctionsHost.Invocations;
using Relief.FunctionsHost.Metadata;
using Relief.FunctionsHost.Queues;
using Relief.FunctionsHost.Rpc;
using Relief.FunctionsHost.Worker;

namespace Relief.FunctionsHost.Admin;

/// <summary>
/// The Functions host's admin API, local only: <c>POST /admin/functions/{name}</c> with <c>{"input": …}</c>
/// runs a queue or timer function now (202; the run is logged like any invocation; for a queue function the
/// input is the message text), and <c>GET /admin/host/status</c> reports the host's state.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, LocalFunctionsHost host)
    {
        routes.MapGet("/admin/host/status", () => Results.Json(new
        {
            id = host.HostId,
            state = host.State.ToString(),
            version = Startup.HostContext.HostVersion,
            functions = host.Index?.All.Count ?? 0,
            workerProcessId = host.Supervisor.ProcessId,
            workerStarts = host.Supervisor.Starts,
        }));

        routes.MapPost("/admin/functions/{name}", async (string name, HttpContext httpContext) =>
        {
            var function = host.Index?.Find(name);
            if (function is null)
            {
                await Problems.WriteAsync(httpContext, StatusCodes.Status404NotFound, $"No function named '{name}'.").ConfigureAwait(false);
                return;
            }

            string? input = null;
            if (httpContext.Request.ContentLength is not 0)
            {
                try
                {
                    using var document = await JsonDocument.ParseAsync(httpContext.Request.Body, cancellationToken: httpContext.RequestAborted).ConfigureAwait(false);
                    if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("input", out var value))
                    {
                        input = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                    }
                }
                catch (JsonException ex)
                {
                    await Problems.WriteAsync(httpContext, StatusCodes.Status400BadRequest, $"The body must be JSON such as {{\"input\": \"...\"}} ({ex.Message}).").ConfigureAwait(false);
                    return;
                }
            }

            var trigger = function.Trigger.Type;
            Func<FunctionInvoker, string, Task>? run = trigger switch
            {
                _ when function.Is(BindingTypes.QueueTrigger) => (invoker, id) =>
                {
                    var message = Azure.Storage.Queues.Models.QueuesModelFactory.QueueMessage(id, "admin", input ?? "", 1, null, host.Time.GetUtcNow(), null);
                    return invoker.InvokeAsync(function, id, [WorkerQueueTarget.Input(function.Trigger, message, input ?? "")], WorkerQueueTarget.Metadata(message, input ?? ""), host.Stopping);
                },
                _ when function.Is(BindingTypes.TimerTrigger) => (invoker, id) =>
                {
                    var now = host.Time.GetUtcNow();
                    var timer = new Relief.FunctionsHost.Timers.TimerInfo(now, IsPastDue: false, IsStartupRun: false, ScheduleStatus: null);
                    return invoker.InvokeAsync(function, id, [new ParameterBinding { Name = function.Trigger.Name, Data = Timers.TimerTriggerValue.From(timer, now) }], [], host.Stopping);
                },
                _ => null,
            };
            if (run is null)
            {
                await Problems.WriteAsync(httpContext, StatusCodes.Status400BadRequest,
                    $"Function '{function.Name}' has a {trigger}; the admin endpoint runs queue and timer functions (call HTTP functions on their route; start orchestrations with a client).").ConfigureAwait(false);
                return;
            }

            var kind = function.Is(BindingTypes.QueueTrigger) ? TriggerKind.Queue : TriggerKind.Timer;
            host.RunInBackground(async () =>
            {
                using var invocation = host.Tracker.Begin(function.Name, kind);
                try
                {
                    await run(host.Invoker, invocation.Context.InvocationId).ConfigureAwait(false);
                    invocation.Complete(InvocationOutcome.Succeeded);
                }
                catch (Exception ex) when (ex is FunctionFailedException or WorkerLostException or TimeoutException or OperationCanceledException)
                {
                    invocation.Complete(ex is OperationCanceledException ? InvocationOutcome.Cancelled : InvocationOutcome.Failed, ex);
                }
            });
            httpContext.Response.StatusCode = StatusCodes.Status202Accepted;
        });
    }
}
