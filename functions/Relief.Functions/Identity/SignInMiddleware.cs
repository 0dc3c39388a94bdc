using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Relief.Functions.Identity;

/// <summary>
/// Sign-in for every HTTP function except those in <see cref="AccessTable.Anonymous"/>: validates the bearer token
/// (401 with <c>WWW-Authenticate: Bearer</c> when missing or invalid), chooses the acting role from
/// <see cref="AccessTable"/> (403 naming the roles allowed when the token holds none), and hands the
/// <see cref="Caller"/> to the function. Queue, timer and durable functions pass through untouched.
/// </summary>
public sealed class SignInMiddleware(ILogger<SignInMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        HttpContext? http = context.GetHttpContext();
        string function = context.FunctionDefinition.Name;
        if (http is null || AccessTable.Anonymous.Contains(function))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            string why = result.Failure is null ? "no bearer token" : "the token is not valid";
            Logs.SignInRefused(logger, function, why);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
            await TypedResults.Problem(title: "Sign-in required", statusCode: StatusCodes.Status401Unauthorized,
                detail: $"This function needs a bearer token (Authorization: Bearer …): {why}.").ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var held = Caller.RolesOf(result.Principal!);
        string? role = AccessTable.ActingRole(function, held);
        Caller? caller = role is null ? null : Caller.From(result.Principal!, role);
        if (caller is null)
        {
            string allowed = AccessTable.Rows.TryGetValue(function, out var roles) ? string.Join(", ", roles) : "(none: the function has no access rule)";
            string detail = role is null
                ? $"{function} needs one of the roles {allowed}; the token holds {(held.Count == 0 ? "none" : string.Join(", ", held))}."
                : "The token's subject is not a valid operator id (1–64 letters, digits, '.', '_', '-', '@').";
            Logs.RoleRefused(logger, function, string.Join(",", held));
            await CallerAccess.Forbidden(detail).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        http.User = result.Principal!;
        CallerAccess.SetCaller(http, caller);
        await next(context).ConfigureAwait(false);
    }
}
