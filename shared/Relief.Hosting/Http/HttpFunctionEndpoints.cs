using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Relief.Hosting.Configuration;
using Relief.Hosting.Invocations;

namespace Relief.Hosting.Http;

/// <summary>Maps HTTP functions to ASP.NET Core endpoints under the route prefix, with invocation logging.</summary>
internal static class HttpFunctionEndpoints
{
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, Type functionType, string method, string route, string name)
    {
        var http = endpoints.ServiceProvider.GetRequiredService<IOptions<HttpOptions>>().Value;
        var prefix = http.RoutePrefix.Trim('/');
        var pattern = "/" + string.Join('/', new[] { prefix, route.Trim('/') }.Where(s => s.Length > 0));
        var run = CreateRunner(functionType, http.MaxRequestBodySize);

        return endpoints.MapMethods(pattern, [method.ToUpperInvariant()], async context =>
        {
            var tracker = context.RequestServices.GetRequiredService<InvocationTracker>();
            using var invocation = tracker.Begin(name, TriggerKind.Http);
            try
            {
                var (result, outcome) = await run(context, invocation.Context, context.RequestAborted).ConfigureAwait(false);
                await result.ExecuteAsync(context).ConfigureAwait(false);
                invocation.Complete(outcome);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                invocation.Complete(InvocationOutcome.Cancelled);
            }
            catch (Exception ex)
            {
                invocation.Complete(InvocationOutcome.Failed, ex);
                throw; // The exception handler answers 500 ProblemDetails without internals.
            }
        }).WithName(name);
    }

    private delegate Task<(IResult Result, InvocationOutcome Outcome)> Runner(HttpContext context, FunctionContext function, CancellationToken cancellationToken);

    private static Runner CreateRunner(Type functionType, long maxBytes)
    {
        if (typeof(IHttpFunction).IsAssignableFrom(functionType))
        {
            return (Runner)typeof(HttpFunctionEndpoints).GetMethod(nameof(WithoutBody), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(functionType).Invoke(null, null)!;
        }

        var bodyInterfaces = functionType.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IHttpFunction<>)).ToArray();
        if (bodyInterfaces.Length != 1)
        {
            throw new InvalidOperationException(
                $"HTTP function '{functionType.Name}' must implement exactly one of IHttpFunction or IHttpFunction<TBody>.");
        }

        return (Runner)typeof(HttpFunctionEndpoints).GetMethod(nameof(WithBody), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(functionType, bodyInterfaces[0].GetGenericArguments()[0]).Invoke(null, [maxBytes])!;
    }

    private static Runner WithoutBody<TFunction>()
        where TFunction : IHttpFunction =>
        async (context, function, cancellationToken) =>
        {
            var instance = ActivatorUtilities.GetServiceOrCreateInstance<TFunction>(context.RequestServices);
            return (await instance.RunAsync(context.Request, function, cancellationToken).ConfigureAwait(false), InvocationOutcome.Succeeded);
        };

    private static Runner WithBody<TFunction, TBody>(long maxBytes)
        where TFunction : IHttpFunction<TBody> =>
        async (context, function, cancellationToken) =>
        {
            var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var body = await JsonBodyReader.ReadAsync<TBody>(context.Request, maxBytes, json, cancellationToken).ConfigureAwait(false);
            if (!body.Succeeded) return (body.Problem!, InvocationOutcome.Rejected);
            var instance = ActivatorUtilities.GetServiceOrCreateInstance<TFunction>(context.RequestServices);
            return (await instance.RunAsync(body.Value!, context.Request, function, cancellationToken).ConfigureAwait(false), InvocationOutcome.Succeeded);
        };

    /// <summary>Shared JSON settings for queue messages and host records: web defaults (camelCase,
    /// case-insensitive) with enums as strings.</summary>
    public static JsonSerializerOptions DefaultJson { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
