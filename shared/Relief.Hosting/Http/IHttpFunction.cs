using Microsoft.AspNetCore.Http;
using Relief.Hosting.Invocations;

namespace Relief.Hosting.Http;

/// <summary>An HTTP function without a request body (GET, DELETE, ...). Return a JSON result
/// (<c>TypedResults.Ok(value)</c>) or a ProblemDetails result for an expected failure.</summary>
public interface IHttpFunction
{
    /// <summary>Handles one request.</summary>
    Task<IResult> RunAsync(HttpRequest request, FunctionContext context, CancellationToken cancellationToken);
}

/// <summary>An HTTP function whose JSON request body is bound to <typeparamref name="TBody"/>. The host
/// answers 415, 413 or 400 (ProblemDetails) before the function runs when the body is not acceptable JSON.</summary>
/// <typeparam name="TBody">The request body type (System.Text.Json, web defaults: camelCase).</typeparam>
public interface IHttpFunction<in TBody>
{
    /// <summary>Handles one request with its bound body.</summary>
    Task<IResult> RunAsync(TBody body, HttpRequest request, FunctionContext context, CancellationToken cancellationToken);
}
