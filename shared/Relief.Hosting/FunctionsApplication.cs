using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Relief.Hosting.Configuration;

namespace Relief.Hosting;

/// <summary>Entry point of a function app: <c>FunctionsApplication.CreateBuilder(args)</c>.</summary>
public static class FunctionsApplication
{
    /// <summary>Default HTTP port, as the Functions Core Tools.</summary>
    public const int DefaultPort = 7071;

    /// <summary>
    /// Creates a builder with configuration as in Azure Functions, lowest precedence first: host.json
    /// (under <c>AzureFunctionsJobHost</c>), local.settings.json <c>Values</c>, appsettings*.json,
    /// environment variables, command line.
    /// </summary>
    public static FunctionHostBuilder CreateBuilder(string[] args, FunctionHostBuilderSettings? settings = null)
    {
        settings ??= new FunctionHostBuilderSettings();
        var inner = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = settings.ContentRootPath,
            EnvironmentName = settings.EnvironmentName,
        });

        var root = inner.Environment.ContentRootPath;
        var hostJson = HostJsonFile.Read(HostJsonFile.Locate(settings.HostJsonPath, root));
        var localSettings = LocalSettings.Read(Path.Combine(root, settings.LocalSettingsPath));
        inner.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = hostJson });
        inner.Configuration.Sources.Insert(1, new MemoryConfigurationSource { InitialData = localSettings });

        inner.Logging.AddConfiguration(inner.Configuration.GetSection(HostJson.Section + ":logging"));
        inner.Services.AddFunctionHost();
        return new FunctionHostBuilder(inner);
    }
}

/// <summary>Configures services before the host is built (like <c>WebApplicationBuilder</c>).</summary>
public sealed class FunctionHostBuilder
{
    private readonly WebApplicationBuilder _inner;

    internal FunctionHostBuilder(WebApplicationBuilder inner) => _inner = inner;

    /// <summary>Services of the app.</summary>
    public IServiceCollection Services => _inner.Services;

    /// <summary>Configuration (host.json, local settings, environment, command line).</summary>
    public ConfigurationManager Configuration => _inner.Configuration;

    /// <summary>Logging.</summary>
    public ILoggingBuilder Logging => _inner.Logging;

    /// <summary>The web host (e.g. <c>UseUrls</c> in tests).</summary>
    public ConfigureWebHostBuilder WebHost => _inner.WebHost;

    /// <summary>Environment.</summary>
    public IWebHostEnvironment Environment => _inner.Environment;

    /// <summary>Builds the host. Listens on http://localhost:{Host:LocalHttpPort or --port, default 7071}
    /// unless URLs are configured (ASPNETCORE_URLS, --urls).</summary>
    public FunctionHost Build()
    {
        if (string.IsNullOrEmpty(Configuration["urls"]) && string.IsNullOrEmpty(Configuration["http_ports"]))
        {
            var port = Configuration["port"] ?? Configuration["Host:LocalHttpPort"];
            var value = DefaultPortOr(port);
            _inner.WebHost.UseUrls($"http://localhost:{value.ToString(CultureInfo.InvariantCulture)}");
        }

        return new FunctionHost(_inner.Build());
    }

    /// <summary>The HTTP port from a setting (<c>Host:LocalHttpPort</c>), the default when it is empty; a value that
    /// is not a port fails naming the setting. Shared with the local Functions host.</summary>
    internal static int DefaultPortOr(string? port)
    {
        if (string.IsNullOrEmpty(port)) return FunctionsApplication.DefaultPort;
        if (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and < 65536) return value;
        throw new HostConfigurationException("Host:LocalHttpPort", $"must be a port number 1-65535 (was {port}).");
    }
}
