using System.Text.Json;
using System.Text.Json.Serialization;

namespace Relief.Cases.Storage;

/// <summary>
/// The JSON used for everything the adapters store or enqueue: web defaults (camelCase), enums as camelCase
/// strings, no indentation. Phase-B functions should use the same options for HTTP bodies of these types.
/// </summary>
public static class StorageJson
{
    /// <summary>The shared, read-only options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
