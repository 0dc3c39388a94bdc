using System.Text.Json;

namespace Relief.FunctionsHost.Metadata;

/// <summary>One binding of a function as the worker describes it (a raw binding JSON object).</summary>
/// <param name="Name">The parameter name (<c>$return</c> for the return value).</param>
/// <param name="Type">The binding type (<c>httpTrigger</c>, <c>queue</c>, <c>durableClient</c>, …).</param>
/// <param name="Direction">In, Out or InOut.</param>
/// <param name="Json">The whole binding object, for type-specific properties.</param>
public sealed record BindingDescriptor(string Name, string Type, string Direction, JsonElement Json)
{
    /// <summary>True for the trigger binding.</summary>
    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for an output binding.</summary>
    public bool IsOutput => Direction.Equals("out", StringComparison.OrdinalIgnoreCase);

    /// <summary>A string property (case-insensitive name), or null.</summary>
    public string? Property(string name)
    {
        foreach (var property in Json.EnumerateObject())
        {
            if (property.NameEquals(name) || string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }

        return null;
    }

    /// <summary>A string-array property (e.g. <c>methods</c>), or empty.</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        foreach (var property in Json.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Array)
            {
                return [.. property.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
            }
        }

        return [];
    }

    /// <summary>True when the worker asked for SDK-type (deferred) binding: <c>properties.supportsDeferredBinding</c>.</summary>
    public bool SupportsDeferredBinding =>
        Json.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object &&
        properties.EnumerateObject().Any(p => string.Equals(p.Name, "supportsDeferredBinding", StringComparison.OrdinalIgnoreCase) &&
            string.Equals(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText(), "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses a raw binding JSON text.</summary>
    public static BindingDescriptor Parse(string functionName, string raw)
    {
        using var document = JsonDocument.Parse(raw);
        var root = document.RootElement.Clone();
        string Get(string key) =>
            root.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } v
                ? v.GetString()!
                : throw new InvalidDataException($"Function '{functionName}' has a binding without '{key}': {raw}");
        return new BindingDescriptor(Get("name"), Get("type"), Get("direction"), root);
    }
}
