using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Relief.FunctionsHost.Rpc;

namespace Relief.FunctionsHost.Invocations;

/// <summary>Conversions between host values and the protocol's <see cref="TypedData"/>.</summary>
internal static class TypedDataValues
{
    public static TypedData String(string value) => new() { String = value };

    public static TypedData Json(string json) => new() { Json = json };

    public static TypedData Json<T>(T value) => new() { Json = JsonSerializer.Serialize(value) };

    /// <summary>A number, sent as JSON: the worker's binding-data reader does not take the protocol's int.</summary>
    public static TypedData Number(long value) => new() { Json = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>A date as the Functions host sends it in trigger metadata: a JSON string in round-trip format.</summary>
    public static TypedData Date(DateTimeOffset? value) =>
        new() { Json = value is { } v ? JsonSerializer.Serialize(v.ToString("o", CultureInfo.InvariantCulture)) : "null" };

    public static TypedData Model(string source, object content) => new()
    {
        ModelBindingData = new ModelBindingData
        {
            Version = "1.0",
            Source = source,
            ContentType = "application/json",
            Content = ByteString.CopyFromUtf8(JsonSerializer.Serialize(content)),
        },
    };

    /// <summary>The value as JSON text (what a durable activity's result or a queue message carries); null for none.</summary>
    public static string? ToJson(TypedData? data) => data?.DataCase switch
    {
        null or TypedData.DataOneofCase.None => null,
        TypedData.DataOneofCase.Json => data.Json,
        TypedData.DataOneofCase.String => JsonSerializer.Serialize(data.String),
        TypedData.DataOneofCase.Int => data.Int.ToString(CultureInfo.InvariantCulture),
        TypedData.DataOneofCase.Double => data.Double.ToString("R", CultureInfo.InvariantCulture),
        TypedData.DataOneofCase.Bytes => JsonSerializer.Serialize(Convert.ToBase64String(data.Bytes.ToByteArray())),
        TypedData.DataOneofCase.CollectionString => JsonSerializer.Serialize(data.CollectionString.String.ToArray()),
        TypedData.DataOneofCase.CollectionSint64 => JsonSerializer.Serialize(data.CollectionSint64.Sint64.ToArray()),
        TypedData.DataOneofCase.CollectionDouble => JsonSerializer.Serialize(data.CollectionDouble.Double.ToArray()),
        _ => throw new NotSupportedException($"A {data.DataCase} value cannot be turned into JSON."),
    };

    /// <summary>The value as the texts of queue messages: a JSON array or a collection is one message per item.</summary>
    public static IReadOnlyList<string> ToMessages(TypedData? data)
    {
        switch (data?.DataCase)
        {
            case null or TypedData.DataOneofCase.None:
                return [];
            case TypedData.DataOneofCase.String:
                return [data.String];
            case TypedData.DataOneofCase.Bytes:
                return [Encoding.UTF8.GetString(data.Bytes.Span)];
            case TypedData.DataOneofCase.CollectionString:
                return [.. data.CollectionString.String];
            case TypedData.DataOneofCase.CollectionBytes:
                return [.. data.CollectionBytes.Bytes.Select(b => Encoding.UTF8.GetString(b.Span))];
            case TypedData.DataOneofCase.Json:
                using (var document = JsonDocument.Parse(data.Json))
                {
                    var root = document.RootElement;
                    if (root.ValueKind == JsonValueKind.Null) return [];
                    if (root.ValueKind == JsonValueKind.Array)
                    {
                        return [.. root.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())];
                    }

                    return [root.ValueKind == JsonValueKind.String ? root.GetString()! : root.GetRawText()];
                }

            default:
                return [ToJson(data) ?? ""];
        }
    }
}
