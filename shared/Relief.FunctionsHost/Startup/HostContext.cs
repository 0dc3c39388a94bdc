using Microsoft.Extensions.Configuration;
using Relief.FunctionsHost.Worker;
using Relief.FunctionsHost.Configuration;

namespace Relief.FunctionsHost.Startup;

/// <summary>What the host was started with: the app folder, its worker config, settings and timeouts.</summary>
public sealed class HostContext
{
    /// <summary>The version this host reports to workers and on <c>/admin/host/status</c>.</summary>
    public const string HostVersion = "4.0.0-relief-local";

    internal HostContext(HostArguments arguments, WorkerConfig worker, IConfiguration configuration, LocalHostOptions options, IReadOnlyDictionary<string, string> workerEnvironment)
    {
        Arguments = arguments;
        Worker = worker;
        Configuration = configuration;
        Options = options;
        WorkerEnvironment = workerEnvironment;
        FunctionTimeout = Startup.FunctionTimeout.Read(configuration);
    }

    public HostArguments Arguments { get; }

    public string AppFolder => Arguments.AppFolder;

    public WorkerConfig Worker { get; }

    public IConfiguration Configuration { get; }

    public LocalHostOptions Options { get; }

    /// <summary>Environment variables the worker gets on top of the host's own.</summary>
    public IReadOnlyDictionary<string, string> WorkerEnvironment { get; }

    /// <summary>host.json <c>functionTimeout</c>.</summary>
    public TimeSpan FunctionTimeout { get; }

    /// <summary>Resolves <c>%Setting%</c> (the whole value) from the app settings; a missing setting fails naming it and the function.</summary>
    public string Resolve(string functionName, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length < 3 || value[0] != '%' || value[^1] != '%') return value;
        var setting = value[1..^1];
        return Configuration[setting] is { Length: > 0 } resolved
            ? resolved
            : throw new HostConfigurationException(setting, $"function '{functionName}' uses %{setting}% but no app setting of that name is set.");
    }
}
