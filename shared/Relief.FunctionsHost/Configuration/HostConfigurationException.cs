namespace Relief.FunctionsHost.Configuration;

/// <summary>
/// host.json or an app setting holds a value the host cannot run with. The message names the
/// setting (as written in host.json, e.g. <c>extensions.queues.maxDequeueCount</c>) and says what is wrong.
/// </summary>
public sealed class HostConfigurationException : Exception
{
    public HostConfigurationException(string setting, string message, Exception? inner = null)
        : base($"Invalid setting '{setting}': {message}", inner)
    {
        Setting = setting;
    }

    public HostConfigurationException()
        : this("(unknown)", "invalid configuration")
    {
    }

    public HostConfigurationException(string message)
        : this("(unknown)", message)
    {
    }

    public HostConfigurationException(string message, Exception inner)
        : this("(unknown)", message, inner)
    {
    }

    /// <summary>The setting at fault, in host.json spelling (dots) or the app setting name.</summary>
    public string Setting { get; }
}
