using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Relief.FunctionsHost.Http;

/// <summary>The host's own error answers: RFC 9457 ProblemDetails.</summary>
internal static class Problems
{
    public static Task WriteAsync(HttpContext httpContext, int status, string detail)
    {
        httpContext.Response.StatusCode = status;
        return httpContext.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), Detail = detail },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", httpContext.RequestAborted);
    }
}
