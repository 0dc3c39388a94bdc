using System.Globalization;
using Microsoft.Extensions.Configuration;
using Relief.FunctionsHost.Configuration;

namespace Relief.FunctionsHost.Startup;

/// <summary>host.json <c>functionTimeout</c>: how long one invocation may run. Default 30 minutes (the
/// Functions default on a dedicated plan); <c>-1</c> means unlimited.</summary>
public static class FunctionTimeout
{
    /// <summary>Reads the setting; an unreadable value fails naming it.</summary>
    public static TimeSpan Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[HostJson.Section + ":functionTimeout"];
        if (string.IsNullOrWhiteSpace(text)) return TimeSpan.FromMinutes(30);
        if (text.Trim() == "-1") return Timeout.InfiniteTimeSpan;
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new HostConfigurationException("functionTimeout", $"must be a positive time span such as 00:05:00, or -1 (was {text}).");
    }
}
