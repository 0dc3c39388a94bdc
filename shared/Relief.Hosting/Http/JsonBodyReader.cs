using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Relief.Hosting.Http;

/// <summary>The outcome of reading a JSON body: the value, or the problem to answer with.</summary>
/// <typeparam name="T">The body type.</typeparam>
public readonly record struct BodyReadResult<T>(T? Value, IResult? Problem)
{
    /// <summary>True when <see cref="Value"/> holds the body.</summary>
    public bool Succeeded => Problem is null;
}

/// <summary>Reads a JSON request body with the checks a caller needs explained: content type (415),
/// size limit (413) and well-formed JSON of the expected shape (400).</summary>
public static class JsonBodyReader
{
    /// <summary>Reads and binds the body of <paramref name="request"/>.</summary>
    public static async Task<BodyReadResult<T>> ReadAsync<T>(HttpRequest request, long maxBytes, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return Fail<T>(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"The request body must be JSON (Content-Type: application/json); it was '{request.ContentType ?? "(none)"}'.");
        }

        if (request.ContentLength > maxBytes) return TooLarge<T>(maxBytes);

        var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = maxBytes;

        byte[] body;
        try
        {
            body = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BodyTooLargeException)
        {
            return TooLarge<T>(maxBytes);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge<T>(maxBytes);
        }

        if (body.Length == 0) return Fail<T>(StatusCodes.Status400BadRequest, "Malformed JSON", "The request body is empty; a JSON value is required.");

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, json);
            return value is null
                ? Fail<T>(StatusCodes.Status400BadRequest, "Malformed JSON", "The request body is JSON null; a value is required.")
                : new BodyReadResult<T>(value, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? "" : $" at {ex.Path} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
            return Fail<T>(StatusCodes.Status400BadRequest, "Malformed JSON", $"The request body is not valid JSON for this function{where}.");
        }
    }

    private static bool IsJson(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media)) return false;
        var type = media.MediaType.Value ?? "";
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw new BodyTooLargeException();
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static BodyReadResult<T> TooLarge<T>(long maxBytes) =>
        Fail<T>(StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"The request body is larger than the limit of {maxBytes} bytes (host.json extensions.http.maxRequestBodySize).");

    private static BodyReadResult<T> Fail<T>(int status, string title, string detail) =>
        new(default, Results.Problem(statusCode: status, title: title, detail: detail));

    private sealed class BodyTooLargeException : Exception;
}
