using Microsoft.AspNetCore.Http;

namespace Relief.Functions.Identity;

/// <summary>The signed-in caller of the current request (set by <see cref="SignInMiddleware"/>).</summary>
public static class CallerAccess
{
    private static readonly object Key = new();

    /// <summary>The caller; throws when the function is anonymous (a programming error).</summary>
    public static Caller Caller(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Items.TryGetValue(Key, out var caller) && caller is Caller c
            ? c
            : throw new InvalidOperationException("No signed-in caller: the function is not behind the sign-in middleware.");
    }

    internal static void SetCaller(HttpContext context, Caller caller) => context.Items[Key] = caller;

    /// <summary>403 with what is missing.</summary>
    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Forbidden", detail: detail, statusCode: StatusCodes.Status403Forbidden);
}

/// <summary>The answer to a body that still names its actor.</summary>
public static class ActorField
{
    /// <summary>The validation error for a body with an <c>actor</c> field.</summary>
    public static readonly Relief.Domain.Validation.ValidationError Refused =
        new("actor", "actor: not accepted: who acts comes from the sign-in token; remove the field.");
}
