using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Relief.FunctionsHost.Invocations;
using Relief.FunctionsHost.Metadata;
using Relief.FunctionsHost.Rpc;
using Relief.FunctionsHost.Startup;
using Relief.FunctionsHost.Worker;
using P = Microsoft.DurableTask.Protobuf;

namespace Relief.FunctionsHost.Durable;

/// <summary>
/// Plays the Durable Functions extension's part: takes orchestrator and activity work items from the
/// Durable Task sidecar's stream and turns each into a function invocation. An orchestration trigger gets
/// the base64 <c>OrchestratorRequest</c> and returns the base64 <c>OrchestratorResponse</c>; an activity
/// trigger gets its JSON input and its return value becomes the JSON result. Work whose worker died is run
/// again on the restarted worker (orchestrators replay; activities run at least once, as in Durable Functions).
/// </summary>
internal sealed class DurableWorkItemPump(
    HostEndpoints endpoints,
    DurableSettings settings,
    FunctionInvoker invoker,
    WorkerSupervisor supervisor,
    InvocationTracker tracker,
    TimeProvider time,
    ILogger<DurableWorkItemPump> logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _orchestrators = new(settings.Options.MaxConcurrentOrchestratorFunctions);
    private readonly SemaphoreSlim _activities = new(settings.Options.MaxConcurrentActivityFunctions);
    private readonly HashSet<Task> _inFlight = [];
    private readonly Lock _gate = new();
    private GrpcChannel? _channel;
    private Task _loop = Task.CompletedTask;
    private FunctionIndex _index = new([]);

    public void Start(FunctionIndex index)
    {
        _index = index;
        // Own HTTP/2 connections: many long client waits on one connection must never starve this stream.
        _channel = GrpcChannel.ForAddress(endpoints.InternalUri, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan },
            MaxReceiveMessageSize = null,
            MaxSendMessageSize = null,
        });
        _loop = Task.Run(() => RunAsync(new P.TaskHubSidecarService.TaskHubSidecarServiceClient(_channel), _stop.Token));
    }

    /// <summary>Stops taking work and waits for work in flight (bounded by <paramref name="cancellationToken"/>).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        Task[] running;
        lock (_gate) running = [.. _inFlight];
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Unfinished work items are left to the provider: their messages become visible again.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _channel?.Dispose();
        _stop.Dispose();
        _orchestrators.Dispose();
        _activities.Dispose();
    }

    private async Task RunAsync(P.TaskHubSidecarService.TaskHubSidecarServiceClient client, CancellationToken stop)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var call = client.GetWorkItems(new P.GetWorkItemsRequest(), cancellationToken: stop);
                Logs.DurablePumpConnected(logger, settings.Options.HubName);
                delay = TimeSpan.FromMilliseconds(200);
                await foreach (var item in call.ResponseStream.ReadAllAsync(stop).ConfigureAwait(false))
                {
                    Track(client, item);
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Grpc.Core.RpcException ex)
            {
                Logs.DurablePumpDropped(logger, ex, delay);
                try
                {
                    await Task.Delay(delay, time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = delay * 2 > TimeSpan.FromSeconds(5) ? TimeSpan.FromSeconds(5) : delay * 2;
            }
        }
    }

    private void Track(P.TaskHubSidecarService.TaskHubSidecarServiceClient client, P.WorkItem item)
    {
        Task work = item.RequestCase switch
        {
            P.WorkItem.RequestOneofCase.OrchestratorRequest => Task.Run(() => RunOrchestratorAsync(client, item.OrchestratorRequest)),
            P.WorkItem.RequestOneofCase.ActivityRequest => Task.Run(() => RunActivityAsync(client, item.ActivityRequest)),
            _ => Task.CompletedTask,
        };
        lock (_gate) _inFlight.Add(work);
        _ = work.ContinueWith(t => { lock (_gate) _inFlight.Remove(t); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunOrchestratorAsync(P.TaskHubSidecarService.TaskHubSidecarServiceClient client, P.OrchestratorRequest request)
    {
        var name = request.PastEvents.Concat(request.NewEvents).FirstOrDefault(e => e.ExecutionStarted is not null)?.ExecutionStarted.Name ?? "";
        var function = _index.WithTrigger(BindingTypes.OrchestrationTrigger)
            .FirstOrDefault(f => string.Equals(f.Trigger.Property("orchestration") ?? f.Name, name, StringComparison.OrdinalIgnoreCase));
        P.OrchestratorResponse response;
        if (function is null)
        {
            response = Failed(request, "FunctionNotFound", $"No orchestrator function named '{name}' is loaded.");
        }
        else
        {
            var encoded = Convert.ToBase64String(request.ToByteArray());
            var result = await InvokeWithRetryAsync("orchestrator", function, request.InstanceId, TriggerKind.Orchestration,
                [new ParameterBinding { Name = function.Trigger.Name, Data = TypedDataValues.String(encoded) }]).ConfigureAwait(false);
            if (result is null) return;
            response = result.Value.Response is { } ok
                ? P.OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(ReadString(ok.ReturnValue)))
                : Failed(request, result.Value.ErrorType ?? "FunctionFailed", result.Value.Error ?? "The orchestrator function failed.");
        }

        if (string.IsNullOrEmpty(response.InstanceId)) response.InstanceId = request.InstanceId;
        try
        {
            await client.CompleteOrchestratorTaskAsync(response, cancellationToken: _stop.Token).ConfigureAwait(false);
        }
        catch (Grpc.Core.RpcException ex)
        {
            Logs.DurableCompleteFailed(logger, ex, "orchestrator", name, request.InstanceId);
        }
    }

    private async Task RunActivityAsync(P.TaskHubSidecarService.TaskHubSidecarServiceClient client, P.ActivityRequest request)
    {
        var instanceId = request.OrchestrationInstance?.InstanceId ?? "";
        var function = _index.WithTrigger(BindingTypes.ActivityTrigger)
            .FirstOrDefault(f => string.Equals(f.Trigger.Property("activity") ?? f.Name, request.Name, StringComparison.OrdinalIgnoreCase));
        var response = new P.ActivityResponse { InstanceId = instanceId, TaskId = request.TaskId };
        if (function is null)
        {
            response.FailureDetails = new P.TaskFailureDetails { ErrorType = "FunctionNotFound", ErrorMessage = $"No activity function named '{request.Name}' is loaded." };
        }
        else
        {
            var input = ActivityInput(request.Input);
            var data = input is null ? new TypedData() : TypedDataValues.String(input);
            var result = await InvokeWithRetryAsync("activity", function, instanceId, TriggerKind.Activity,
                [new ParameterBinding { Name = function.Trigger.Name, Data = data }]).ConfigureAwait(false);
            if (result is null) return;
            if (result.Value.Response is { } ok) response.Result = TypedDataValues.ToJson(ok.ReturnValue);
            else response.FailureDetails = FailureDetails.From(result.Value.Error, result.Value.ErrorType, result.Value.StackTrace);
        }

        try
        {
            await client.CompleteActivityTaskAsync(response, cancellationToken: _stop.Token).ConfigureAwait(false);
        }
        catch (Grpc.Core.RpcException ex)
        {
            Logs.DurableCompleteFailed(logger, ex, "activity", request.Name, instanceId);
        }
    }

    /// <summary>Invokes until the function answers; null when the host is stopping first.</summary>
    private async Task<(InvocationResponse? Response, string? Error, string? ErrorType, string? StackTrace)?> InvokeWithRetryAsync(
        string kind, FunctionDescriptor function, string instanceId, TriggerKind trigger, IReadOnlyList<ParameterBinding> inputs)
    {
        // host.json maxConcurrentOrchestratorFunctions / maxConcurrentActivityFunctions.
        var limit = trigger == TriggerKind.Orchestration ? _orchestrators : _activities;
        try
        {
            await limit.WaitAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        try
        {
            return await InvokeUntilAnsweredAsync(kind, function, instanceId, trigger, inputs).ConfigureAwait(false);
        }
        finally
        {
            limit.Release();
        }
    }

    private async Task<(InvocationResponse? Response, string? Error, string? ErrorType, string? StackTrace)?> InvokeUntilAnsweredAsync(
        string kind, FunctionDescriptor function, string instanceId, TriggerKind trigger, IReadOnlyList<ParameterBinding> inputs)
    {
        while (!_stop.IsCancellationRequested)
        {
            using var invocation = tracker.Begin(function.Name, trigger);
            try
            {
                var response = await invoker.InvokeAsync(function, invocation.Context.InvocationId, inputs, [], _stop.Token).ConfigureAwait(false);
                invocation.Complete(InvocationOutcome.Succeeded);
                return (response, null, null, null);
            }
            catch (FunctionFailedException ex)
            {
                invocation.Complete(InvocationOutcome.Failed, ex);
                return (null, ex.Message, ex.ErrorType, ex.WorkerStackTrace);
            }
            catch (TimeoutException ex)
            {
                invocation.Complete(InvocationOutcome.Failed, ex);
                return (null, ex.Message, nameof(TimeoutException), null);
            }
            catch (WorkerLostException ex)
            {
                invocation.Complete(InvocationOutcome.Failed, ex);
                Logs.DurableWorkRetried(logger, kind, function.Name, instanceId);
                try
                {
                    await supervisor.ReadyAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                invocation.Complete(InvocationOutcome.Cancelled);
                return null;
            }
        }

        return null;
    }

    /// <summary>The activity's input as the worker's converter reads it: the JSON of the single argument.
    /// The Durable Task Framework stores activity inputs as the array of its parameters; Durable Functions
    /// activities take one, so the array is unwrapped (an empty one means no input).</summary>
    internal static string? ActivityInput(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        using var document = JsonDocument.Parse(input);
        if (document.RootElement.ValueKind != JsonValueKind.Array) return input;
        var length = document.RootElement.GetArrayLength();
        return length switch
        {
            0 => null,
            1 => document.RootElement[0].GetRawText(),
            _ => throw new FormatException($"The activity input has {length} parameters; a Durable Functions activity takes one."),
        };
    }

    private static string ReadString(TypedData? data) => data?.DataCase switch
    {
        TypedData.DataOneofCase.String => data.String,
        TypedData.DataOneofCase.Json => JsonSerializer.Deserialize<string>(data.Json) ?? "",
        _ => throw new InvalidOperationException($"The orchestrator returned {data?.DataCase.ToString() ?? "nothing"}, not the encoded OrchestratorResponse."),
    };

    private static P.OrchestratorResponse Failed(P.OrchestratorRequest request, string errorType, string message)
    {
        var response = new P.OrchestratorResponse { InstanceId = request.InstanceId };
        response.Actions.Add(new P.OrchestratorAction
        {
            CompleteOrchestration = new P.CompleteOrchestrationAction
            {
                OrchestrationStatus = P.OrchestrationStatus.Failed,
                FailureDetails = new P.TaskFailureDetails { ErrorType = errorType, ErrorMessage = message },
            },
        });
        return response;
    }
}
