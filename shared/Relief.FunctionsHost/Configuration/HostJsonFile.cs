using System.Globalization;
using System.Text.Json;

namespace Relief.FunctionsHost.Configuration;

/// <summary>Loads host.json as flat configuration keys under <see cref="HostJson.Section"/>.</summary>
public static class HostJsonFile
{
    /// <summary>Reads <paramref name="path"/>; an absent file gives no keys (every option keeps its default).</summary>
    public static IReadOnlyDictionary<string, string?> Read(string? path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (path is null || !File.Exists(path)) return values;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            Flatten(document.RootElement, HostJson.Section, values);
        }
        catch (JsonException ex)
        {
            throw new HostConfigurationException("host.json", $"the file '{path}' is not valid JSON ({ex.Message})", ex);
        }

        return values;
    }

    /// <summary>Finds host.json: in the content root, else beside the application.</summary>
    public static string? Locate(string fileName, string contentRoot)
    {
        if (Path.IsPathRooted(fileName)) return fileName;
        foreach (var folder in new[] { contentRoot, AppContext.BaseDirectory })
        {
            var candidate = Path.Combine(folder, fileName);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Flatten(property.Value, prefix + ":" + property.Name, values);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) Flatten(item, prefix + ":" + (index++).ToString(CultureInfo.InvariantCulture), values);
                break;
            case JsonValueKind.String:
                values[prefix] = element.GetString();
                break;
            case JsonValueKind.Null:
                values[prefix] = null;
                break;
            default:
                values[prefix] = element.GetRawText();
                break;
        }
    }
}
