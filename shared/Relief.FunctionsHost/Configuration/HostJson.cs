using Microsoft.Extensions.Configuration;

namespace Relief.FunctionsHost.Configuration;

/// <summary>
/// Where host.json lives in configuration. As in Azure Functions, the file is loaded under the
/// <c>AzureFunctionsJobHost</c> section, so an environment variable such as
/// <c>AzureFunctionsJobHost__extensions__queues__batchSize</c> overrides a host.json value.
/// </summary>
public static class HostJson
{
    /// <summary>The configuration section that holds host.json.</summary>
    public const string Section = "AzureFunctionsJobHost";

    /// <summary>Binds the host.json section <paramref name="hostJsonPath"/> (e.g. <c>extensions.queues</c>) onto
    /// <paramref name="options"/>; a value that does not convert, or an unknown key, fails naming the setting.</summary>
    public static void Bind(IConfiguration configuration, string hostJsonPath, object options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(hostJsonPath);
        var section = configuration.GetSection(Section + ":" + hostJsonPath.Replace('.', ':'));
        try
        {
            section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            throw new HostConfigurationException(SettingIn(ex.Message, hostJsonPath), ex.Message, ex);
        }
    }

    /// <summary>Turns a configuration key (<c>AzureFunctionsJobHost:extensions:queues:batchSize</c>) into host.json spelling.</summary>
    public static string ToSettingName(string configurationKey)
    {
        ArgumentNullException.ThrowIfNull(configurationKey);
        var key = configurationKey.StartsWith(Section + ":", StringComparison.OrdinalIgnoreCase)
            ? configurationKey[(Section.Length + 1)..]
            : configurationKey;
        // host.json spelling: camelCase segments (the binder reports property names, e.g. MaxPollingInterval).
        return string.Join('.', key.Split(':').Select(segment => segment.Length > 0 ? char.ToLowerInvariant(segment[0]) + segment[1..] : segment));
    }

    private static string SettingIn(string binderMessage, string fallback)
    {
        // The binder names the key as 'AzureFunctionsJobHost:extensions:queues:x'; unknown keys as 'x'.
        var start = binderMessage.IndexOf(Section + ":", StringComparison.OrdinalIgnoreCase);
        if (start >= 0)
        {
            var end = binderMessage.IndexOf('\'', start);
            if (end > start) return ToSettingName(binderMessage[start..end]);
        }

        return fallback;
    }
}
