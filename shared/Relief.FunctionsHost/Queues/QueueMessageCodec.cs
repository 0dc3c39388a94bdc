using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Relief.FunctionsHost.Queues;

/// <summary>The outcome of decoding a message: the value, or why it is malformed.</summary>
/// <typeparam name="T">The message type.</typeparam>
public readonly record struct DecodeResult<T>(T? Value, string? Error)
{
    /// <summary>True when <see cref="Value"/> holds the message.</summary>
    public bool Succeeded => Error is null;
}

/// <summary>
/// Reads and writes queue message text. Reading accepts raw JSON and base64-encoded JSON (the
/// Azure Functions default); writing uses the host.json <c>messageEncoding</c>.
/// </summary>
public static class QueueMessageCodec
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="text"/> and binds it to <typeparamref name="T"/>.</summary>
    public static DecodeResult<T> Decode<T>(string text, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty) return Fail<T>("The message is empty; a JSON value is required.");

        // '{', '[' and '"' are not base64 characters, so raw JSON objects, arrays and strings are unambiguous;
        // a text that is valid JSON as it stands (null, true, 1234: also base64 alphabet) is read as JSON.
        var first = trimmed[0];
        if (first is '{' or '[' or '"' || IsJson(trimmed)) return Bind<T>(trimmed.ToString(), json, "JSON");

        if (Base64.IsValid(trimmed, out _))
        {
            string decoded;
            try
            {
                decoded = StrictUtf8.GetString(Convert.FromBase64String(trimmed.ToString()));
            }
            catch (DecoderFallbackException)
            {
                return Fail<T>("The message is base64 but its content is not UTF-8 text.");
            }

            return Bind<T>(decoded, json, "base64-encoded JSON");
        }

        return Bind<T>(trimmed.ToString(), json, "JSON");
    }

    /// <summary>Serializes <paramref name="value"/> as JSON, base64-encoded when <paramref name="base64"/>.</summary>
    public static string Encode<T>(T value, JsonSerializerOptions json, bool base64)
    {
        var text = JsonSerializer.Serialize(value, json);
        return base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;
    }

    /// <summary>Turns raw message text into readable text: base64 is decoded when it holds UTF-8, else returned as is.</summary>
    public static string ToText(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var trimmed = raw.AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed[0] is '{' or '[' or '"' || IsJson(trimmed) || !Base64.IsValid(trimmed, out _)) return raw;
        try
        {
            return StrictUtf8.GetString(Convert.FromBase64String(trimmed.ToString()));
        }
        catch (DecoderFallbackException)
        {
            return raw;
        }
    }

    private static DecodeResult<T> Bind<T>(string text, JsonSerializerOptions json, string form)
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(text, json);
            return value is null ? Fail<T>($"The message is {form} null; a value is required.") : new DecodeResult<T>(value, null);
        }
        catch (JsonException ex)
        {
            // The serializer's message names the path and position, never the content.
            return Fail<T>($"The message is not valid {form} for {typeof(T).Name}: {ex.Message}");
        }
    }

    private static DecodeResult<T> Fail<T>(string error) => new(default, error);

    private static bool IsJson(ReadOnlySpan<char> text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text.ToString()));
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
