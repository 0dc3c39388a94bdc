using Microsoft.AspNetCore.Http;
using Relief.Hosting.Http;
using Relief.Hosting.Invocations;

namespace Relief.Hosting.Tests.Support;

/// <summary>POST with a JSON body: answers it back.</summary>
public sealed class EchoFunction : IHttpFunction<TestMessage>
{
    public Task<IResult> RunAsync(TestMessage body, HttpRequest request, FunctionContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IResult>(TypedResults.Ok(body));
}

/// <summary>GET that fails with a bug.</summary>
public sealed class BrokenFunction : IHttpFunction
{
    public Task<IResult> RunAsync(HttpRequest request, FunctionContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("internal detail that must not leak");
}
