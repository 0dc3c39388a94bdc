using System.Globalization;
using Relief.FunctionsHost.Configuration;

namespace Relief.FunctionsHost.Startup;

/// <summary>
/// The command line, as <c>func start</c> takes it where it applies:
/// <c>Relief.FunctionsHost [--script-root] APP_FOLDER [--port 7071] [--settings local.settings.json] [--host-json host.json] [--static-root DIR]</c>.
/// APP_FOLDER is the built app (the folder with <c>worker.config.json</c>). <c>--static-root</c> serves a folder of static
/// files at <c>/</c> beside the functions, as an Azure Static Web App with a linked Functions API would (the CLI of
/// Static Web Apps does the same locally).
/// </summary>
public sealed record HostArguments(string AppFolder, int? Port, string SettingsPath, string HostJsonPath, string? StaticRoot = null)
{
    /// <summary>Parses <paramref name="args"/>; an unknown switch or a missing value fails with a message saying so.</summary>
    public static HostArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? app = null, settings = null, hostJson = null, staticRoot = null;
        int? port = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new HostConfigurationException(arg, "needs a value.");
            switch (arg)
            {
                case "--script-root":
                    app = Value();
                    break;
                case "--port":
                    var text = Value();
                    port = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536
                        ? p
                        : throw new HostConfigurationException("--port", $"must be a port number 1-65535 (was {text}).");
                    break;
                case "--settings":
                    settings = Value();
                    break;
                case "--host-json":
                    hostJson = Value();
                    break;
                case "--static-root":
                    staticRoot = Path.GetFullPath(Value());
                    if (!File.Exists(Path.Combine(staticRoot, "index.html")))
                    {
                        throw new HostConfigurationException("--static-root", $"'{staticRoot}' has no index.html: pass the folder of the static site.");
                    }

                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) || app is not null)
                    {
                        throw new HostConfigurationException(arg, "is not an argument of the host (use --script-root DIR, --port N, --settings FILE, --host-json FILE, --static-root DIR).");
                    }

                    app = arg;
                    break;
            }
        }

        if (app is null) throw new HostConfigurationException("--script-root", "the built app folder (with worker.config.json) is required.");
        app = Path.GetFullPath(app);
        if (!File.Exists(Path.Combine(app, "worker.config.json")))
        {
            throw new HostConfigurationException("--script-root", $"'{app}' has no worker.config.json: pass the build output folder of an isolated-worker app.");
        }

        return new HostArguments(app, port, Path.GetFullPath(settings ?? Path.Combine(app, "local.settings.json")), Path.GetFullPath(hostJson ?? Path.Combine(app, "host.json")), staticRoot);
    }
}
