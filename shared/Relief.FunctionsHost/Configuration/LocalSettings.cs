using System.Text.Json;

namespace Relief.FunctionsHost.Configuration;

/// <summary>
/// Reads local.settings.json as Azure Functions Core Tools do: every entry of <c>Values</c> becomes a
/// configuration value (<c>A__B</c> becomes <c>A:B</c>), and <c>Host.LocalHttpPort</c> becomes
/// <c>Host:LocalHttpPort</c>. The file is optional; it is for local development only (git-ignored).
/// </summary>
public static class LocalSettings
{
    /// <summary>Reads the file; returns an empty set when it does not exist.</summary>
    public static IReadOnlyDictionary<string, string?> Read(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path)) return values;

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new HostConfigurationException("local.settings.json", $"the file '{path}' is not valid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            if (document.RootElement.TryGetProperty("Values", out var entries) && entries.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in entries.EnumerateObject())
                {
                    values[entry.Name.Replace("__", ":", StringComparison.Ordinal)] = entry.Value.ValueKind switch
                    {
                        JsonValueKind.String => entry.Value.GetString(),
                        JsonValueKind.Null => null,
                        _ => entry.Value.GetRawText(),
                    };
                }
            }

            if (document.RootElement.TryGetProperty("Host", out var host) && host.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in host.EnumerateObject())
                {
                    values["Host:" + entry.Name] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() : entry.Value.GetRawText();
                }
            }
        }

        return values;
    }
}
