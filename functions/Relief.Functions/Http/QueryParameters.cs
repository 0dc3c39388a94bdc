using Microsoft.AspNetCore.Http;

namespace Relief.Functions.Http;

/// <summary>Query-string checks: a parameter the function does not know is an error (a typo must not silently widen a list).</summary>
public static class QueryParameters
{
    /// <summary>Null when every parameter of <paramref name="request"/> is in <paramref name="known"/>; otherwise the 400 answer naming the others.</summary>
    public static IResult? Unknown(HttpRequest request, params string[] known)
    {
        ArgumentNullException.ThrowIfNull(request);
        var unknown = request.Query.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)).ToArray();
        return unknown.Length == 0
            ? null
            : Applications.Problems.Validation(unknown.Select(u => new Relief.Domain.Validation.ValidationError(u, $"{u}: unknown query parameter; known: {string.Join(", ", known)}.")));
    }
}
