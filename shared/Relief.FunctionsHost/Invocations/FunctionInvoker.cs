using Microsoft.Extensions.Logging;
using Relief.FunctionsHost.Durable;
using Relief.FunctionsHost.Metadata;
using Relief.FunctionsHost.Rpc;
using Relief.FunctionsHost.Startup;
using Relief.FunctionsHost.Worker;

namespace Relief.FunctionsHost.Invocations;

/// <summary>
/// Sends one InvocationRequest to the worker and waits for its answer, within host.json
/// <c>functionTimeout</c>. Adds the inputs the host supplies (the durable client), writes output bindings
/// when the function succeeded, and throws <see cref="FunctionFailedException"/> when it failed,
/// <see cref="WorkerLostException"/> when the worker died meanwhile, <see cref="TimeoutException"/> on timeout.
/// </summary>
internal sealed class FunctionInvoker(
    WorkerSupervisor supervisor,
    HostContext context,
    OutputBindingWriter outputs,
    DurableClientInput durableClient,
    ILogger<FunctionInvoker> logger)
{
    public async Task<InvocationResponse> InvokeAsync(
        FunctionDescriptor function,
        string invocationId,
        IEnumerable<ParameterBinding> inputs,
        IEnumerable<KeyValuePair<string, TypedData>> triggerMetadata,
        CancellationToken cancellationToken,
        WorkerSession? session = null)
    {
        session ??= await supervisor.ReadyAsync(cancellationToken).ConfigureAwait(false);
        var request = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = session.FunctionId(function),
            TraceContext = new RpcTraceContext { TraceParent = TraceParent(invocationId) },
        };
        request.InputData.AddRange(inputs);
        foreach (var binding in function.Inputs)
        {
            if (string.Equals(binding.Type, BindingTypes.DurableClient, StringComparison.OrdinalIgnoreCase))
            {
                request.InputData.Add(new ParameterBinding { Name = binding.Name, Data = TypedDataValues.String(durableClient.Json) });
            }
        }

        foreach (var (key, value) in triggerMetadata) request.TriggerMetadata[key] = value;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (context.FunctionTimeout != Timeout.InfiniteTimeSpan) timeout.CancelAfter(context.FunctionTimeout);
        StreamingMessage answer;
        try
        {
            answer = await session.Channel.RequestAsync(new StreamingMessage { InvocationRequest = request }, "invoke:" + invocationId, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            TryCancel(session, invocationId);
            if (cancellationToken.IsCancellationRequested) throw;
            Logs.InvocationTimedOut(logger, invocationId, function.Name, context.FunctionTimeout);
            throw new TimeoutException($"Function '{function.Name}' did not finish within functionTimeout ({context.FunctionTimeout}).");
        }

        var response = answer.InvocationResponse;
        if (response.Result?.Status != StatusResult.Types.Status.Success)
        {
            var error = response.Result?.Exception;
            throw new FunctionFailedException(error?.Message ?? response.Result?.Result ?? "The function failed.", error?.Type, error?.StackTrace);
        }

        await outputs.WriteAsync(function, response, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary>A W3C traceparent for the invocation (the worker requires a trace context).</summary>
    internal static string TraceParent(string invocationId)
    {
        var hex = Guid.TryParse(invocationId, out var id) ? id.ToString("N") : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(invocationId)))[..32];
        return $"00-{hex}-{hex[16..]}-00";
    }

    private static void TryCancel(WorkerSession session, string invocationId)
    {
        try
        {
            session.Channel.Post(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } });
        }
        catch (WorkerLostException)
        {
            // Nothing to cancel.
        }
    }
}
