using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.FunctionsHost.Invocations;
using Relief.FunctionsHost.Rpc;
using Relief.FunctionsHost.Worker;
using Relief.FunctionsHost.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Relief.FunctionsHost.Http;

/// <summary>
/// Runs an HTTP function as the Functions host does with the ASP.NET Core integration: the request is
/// streamed to the worker's own HTTP server (its <c>HttpUri</c>) carrying <c>x-ms-invocation-id</c>, while the
/// matching InvocationRequest goes over gRPC with the route values and query as trigger metadata. The
/// response streams back. Success is taken from the InvocationResponse: the worker answers 200 with an empty
/// body when the function threw, which becomes 500. Bodies over host.json <c>maxRequestBodySize</c> get 413.
/// </summary>
internal sealed class HttpTriggerForwarder(
    IHttpForwarder forwarder,
    WorkerSupervisor supervisor,
    FunctionInvoker invoker,
    InvocationTracker tracker,
    IOptions<HttpOptions> http,
    Startup.HostContext context,
    ILogger<HttpTriggerForwarder> logger) : IDisposable
{
    public const string InvocationHeader = "x-ms-invocation-id";

    private readonly HttpMessageInvoker _client = new(new WorkerConnectRetryHandler(
        new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = null,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        },
        budget: TimeSpan.FromSeconds(5),
        TimeProvider.System));

    public async Task HandleAsync(HttpContext httpContext)
    {
        var route = httpContext.GetEndpoint()!.Metadata.GetMetadata<HttpRoute>()!;
        var function = route.Function;
        var limit = http.Value.MaxRequestBodySize;
        if (httpContext.Request.ContentLength > limit)
        {
            await Problems.WriteAsync(httpContext, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit} bytes (host.json extensions.http.maxRequestBodySize).").ConfigureAwait(false);
            return;
        }

        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;

        WorkerSession session;
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted))
        {
            wait.CancelAfter(context.Options.WorkerStartTimeout);
            try
            {
                session = await supervisor.ReadyAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!httpContext.RequestAborted.IsCancellationRequested)
            {
                await Problems.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, "The function worker is restarting; try again shortly.").ConfigureAwait(false);
                return;
            }
        }

        if (session.HttpUri is null)
        {
            await Problems.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, "The worker did not announce an HTTP address (HttpUri); HTTP functions need the ASP.NET Core integration (ConfigureFunctionsWebApplication).").ConfigureAwait(false);
            return;
        }

        using var invocation = tracker.Begin(function.Name, TriggerKind.Http);
        var invocationId = invocation.Context.InvocationId;
        var routeValues = httpContext.Request.RouteValues.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)!);
        var run = invoker.InvokeAsync(function, invocationId, [Input(function.Trigger.Name, httpContext)], Metadata(httpContext, routeValues), httpContext.RequestAborted, session);

        // An invocation that ends in failure first (functionTimeout, a dead worker) cuts the forwarded request
        // short, so the caller gets 500 at once instead of whatever the worker sends later.
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
        _ = run.ContinueWith(t => CancelQuietly(abandon, t.Exception?.InnerException), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var transformer = new InvocationTransformer(invocationId, run);
        var error = await forwarder.SendAsync(httpContext, session.HttpUri.ToString().TrimEnd('/'), _client, ForwarderRequestConfig.Empty, transformer, abandon.Token).ConfigureAwait(false);

        Exception? failure = null;
        try
        {
            await run.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FunctionFailedException or WorkerLostException or TimeoutException or OperationCanceledException)
        {
            failure = ex;
        }

        var tooLarge = false;
        if (error != ForwarderError.None)
        {
            var errorFeature = httpContext.Features.Get<IForwarderErrorFeature>();
            tooLarge = IsBodyTooLarge(errorFeature?.Exception);
            Logs.ForwardingFailed(logger, errorFeature?.Exception, invocationId, error.ToString());
        }

        if (!httpContext.Response.HasStarted && (error != ForwarderError.None || failure is not null))
        {
            httpContext.Response.Clear();
            if (tooLarge)
            {
                await Problems.WriteAsync(httpContext, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit} bytes (host.json extensions.http.maxRequestBodySize).").ConfigureAwait(false);
            }
            else if (failure is not null)
            {
                await Problems.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, $"Function '{function.Name}' failed (invocation {invocationId}).").ConfigureAwait(false);
            }
            else
            {
                await Problems.WriteAsync(httpContext, StatusCodes.Status502BadGateway, "The function worker did not answer the request.").ConfigureAwait(false);
            }
        }

        invocation.Complete(failure switch
        {
            null => InvocationOutcome.Succeeded,
            OperationCanceledException => InvocationOutcome.Cancelled,
            _ => InvocationOutcome.Failed,
        }, failure);
    }

    public void Dispose() => _client.Dispose();

    private static void CancelQuietly(CancellationTokenSource source, Exception? failure)
    {
        if (failure is not (TimeoutException or WorkerLostException)) return;
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The request has already been answered.
        }
    }

    /// <summary>True when Kestrel refused the request body as too large (YARP may wrap it in an AggregateException).</summary>
    private static bool IsBodyTooLarge(Exception? exception) => exception switch
    {
        null => false,
        Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsBodyTooLarge),
        _ => IsBodyTooLarge(exception.InnerException),
    };

    /// <summary>The trigger's own value: method and URL only. With the ASP.NET Core integration the worker reads
    /// headers, query and body from the forwarded request itself; route values and query also travel as trigger
    /// metadata. Copying them here too would be the same work twice per request.</summary>
    private static ParameterBinding Input(string name, HttpContext httpContext)
    {
        var request = httpContext.Request;
        var rpc = new RpcHttp { Method = request.Method, Url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}" };
        return new ParameterBinding { Name = name, Data = new TypedData { Http = rpc } };
    }

    private static Dictionary<string, TypedData> Metadata(HttpContext httpContext, Dictionary<string, string> routeValues)
    {
        var metadata = new Dictionary<string, TypedData>(StringComparer.Ordinal);
        foreach (var (key, value) in routeValues) metadata[key] = TypedDataValues.String(value);
        metadata["Query"] = TypedDataValues.Json(JsonSerializer.Serialize(httpContext.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString())));
        metadata["Headers"] = TypedDataValues.Json(JsonSerializer.Serialize(httpContext.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString())));
        return metadata;
    }

    /// <summary>Pairs the forwarded request with its invocation and holds back an empty answer until the
    /// invocation says whether the function succeeded.</summary>
    private sealed class InvocationTransformer(string invocationId, Task invocation) : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await Default.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
            proxyRequest.Headers.Remove(InvocationHeader);
            proxyRequest.Headers.TryAddWithoutValidation(InvocationHeader, invocationId);
        }

        public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
        {
            if (proxyResponse is not null && proxyResponse.Content.Headers.ContentLength == 0)
            {
                try
                {
                    await invocation.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is FunctionFailedException or WorkerLostException or TimeoutException)
                {
                    return false; // The caller answers 500 ProblemDetails.
                }
            }

            return await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        }
    }
}
