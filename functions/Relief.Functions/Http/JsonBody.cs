using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Relief.Functions.Http;

/// <summary>A JSON request body: the value, or the ProblemDetails answer that says what is wrong with it.</summary>
/// <typeparam name="T">The body type.</typeparam>
public readonly record struct JsonBody<T>(T? Value, IResult? Problem)
    where T : class
{
    /// <summary>True when <see cref="Value"/> holds the body.</summary>
    public bool IsValid => Problem is null && Value is not null;
}

/// <summary>
/// Reads the JSON body of an HTTP function with the checks a caller needs explained: content type (415), size (413;
/// the host enforces <c>extensions.http.maxRequestBodySize</c> before the worker, this is the worker's own bound) and
/// well-formed JSON of the expected shape (400 with where it broke). The app's HTTP JSON options apply (camelCase,
/// enums as strings).
/// </summary>
public static class JsonBodies
{
    /// <summary>The largest body read: 1 MiB, as host.json's <c>maxRequestBodySize</c>.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>Reads and binds the body of <paramref name="request"/>.</summary>
    public static async Task<JsonBody<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return Fail<T>(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"The request body must be JSON (Content-Type: application/json); it was '{request.ContentType ?? "(none)"}'.");
        }

        if (request.ContentLength > MaxBytes) return TooLarge<T>();
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBytes) return TooLarge<T>();
                buffer.Write(chunk, 0, read);
            }

            body = buffer.ToArray();
        }

        if (body.Length == 0) return Fail<T>(StatusCodes.Status400BadRequest, "Malformed JSON", "The request body is empty; a JSON value is required.");
        var options = OptionsOf(request);
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, options);
            return value is null
                ? Fail<T>(StatusCodes.Status400BadRequest, "Malformed JSON", "The request body is JSON null; a value is required.")
                : new JsonBody<T>(value, null);
        }
        catch (JsonException ex)
        {
            string where = ex.Path is null ? "" : $" at {ex.Path} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
            return Fail<T>(StatusCodes.Status400BadRequest, "Malformed JSON", $"The request body is not valid JSON for this function{where}.");
        }
    }

    /// <summary>The app's HTTP JSON options (camelCase, enums as strings), as bodies are read with.</summary>
    public static JsonSerializerOptions OptionsOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? JsonSerializerOptions.Web;
    }

    private static bool IsJson(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media)) return false;
        string type = media.MediaType.Value ?? "";
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static JsonBody<T> TooLarge<T>()
        where T : class =>
        Fail<T>(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The request body is larger than the limit of {MaxBytes} bytes.");

    private static JsonBody<T> Fail<T>(int status, string title, string detail)
        where T : class =>
        new(default, TypedResults.Problem(statusCode: status, title: title, detail: detail));
}
