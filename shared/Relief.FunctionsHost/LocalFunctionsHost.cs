using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.FunctionsHost.Admin;
using Relief.FunctionsHost.Durable;
using Relief.FunctionsHost.Http;
using Relief.FunctionsHost.Invocations;
using Relief.FunctionsHost.Metadata;
using Relief.FunctionsHost.Startup;
using Relief.FunctionsHost.Worker;
using Relief.FunctionsHost;
using Relief.FunctionsHost.Configuration;

namespace Relief.FunctionsHost;

/// <summary>The host's states, as <c>/admin/host/status</c> reports them.</summary>
public enum HostState
{
    Starting,
    Running,
    Stopping,
    Stopped,
    Error,
}

/// <summary>
/// The local Functions host: builds the web application (public HTTP endpoint, internal gRPC endpoint),
/// then, once it listens, starts the worker and the triggers (<see cref="FunctionsRuntime"/>).
/// </summary>
public sealed class LocalFunctionsHost
{
    private readonly List<Task> _background = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();

    private LocalFunctionsHost(WebApplication app)
    {
        App = app;
    }

    public WebApplication App { get; }

    /// <summary>0 after a clean run; 1 when the start failed (the message names what to fix).</summary>
    public int ExitCode { get; internal set; }

    public HostState State { get; internal set; } = HostState.Starting;

    public string HostId => App.Services.GetRequiredService<IOptions<StorageOptions>>().Value.HostId;

    internal FunctionIndex? Index { get; set; }

    internal WorkerSupervisor Supervisor => App.Services.GetRequiredService<WorkerSupervisor>();

    internal FunctionInvoker Invoker => App.Services.GetRequiredService<FunctionInvoker>();

    internal InvocationTracker Tracker => App.Services.GetRequiredService<InvocationTracker>();

    internal TimeProvider Time => App.Services.GetRequiredService<TimeProvider>();

    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>Runs the host until Ctrl+C / SIGTERM; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        LocalFunctionsHost host;
        try
        {
            host = Build(HostArguments.Parse(args));
        }
        catch (Exception ex) when (ex is HostConfigurationException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync("The host cannot start: " + ex.Message).ConfigureAwait(false);
            return 1;
        }

        try
        {
            await host.App.RunAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HostConfigurationException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync("The host cannot start: " + ex.Message).ConfigureAwait(false);
            return 1;
        }

        return host.ExitCode;
    }

    /// <summary>Builds the host for an app folder (settings: host.json and local.settings.json, then environment).</summary>
    public static LocalFunctionsHost Build(HostArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = arguments.AppFolder, Args = [] });
        var localSettings = LocalSettings.Read(arguments.SettingsPath);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = HostJsonFile.Read(arguments.HostJsonPath) });
        builder.Configuration.Sources.Insert(1, new MemoryConfigurationSource { InitialData = localSettings });
        builder.Logging.AddConfiguration(builder.Configuration.GetSection(HostJson.Section + ":logging"));
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        // The host's own plumbing is quiet unless host.json asks for more.
        foreach (var category in new[] { "Microsoft.AspNetCore", "Grpc", "Microsoft.Hosting.Lifetime", "Yarp", "DurableTask", "Azure" })
        {
            if (builder.Configuration[HostJson.Section + ":logging:logLevel:" + category] is null) builder.Logging.AddFilter(category, LogLevel.Warning);
        }

        var options = new LocalHostOptions();
        builder.Configuration.GetSection(LocalHostOptions.Section).Bind(options);
        var http = new HttpOptions();
        HostJson.Bind(builder.Configuration, HttpOptions.Path, http);
        var context = new HostContext(arguments, WorkerConfig.Read(arguments.AppFolder), builder.Configuration, options, WorkerEnvironment(arguments, localSettings));
        var endpoints = new HostEndpoints();
        var port = arguments.Port ?? PortOrDefault(builder.Configuration["Host:LocalHttpPort"]);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = http.MaxRequestBodySize;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
            kestrel.Listen(IPAddress.Loopback, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                endpoints.Public = listen;
            });
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                endpoints.Internal = listen;
            });
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var services = builder.Services;
        services.AddFunctionHostCore();
        services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = options.MaxMessageLength;
            o.MaxSendMessageSize = options.MaxMessageLength;
        });
        services.AddHttpForwarder();
        services.AddSingleton(context);
        services.AddSingleton(endpoints);
        services.AddSingleton<WorkerRegistry>();
        services.AddSingleton<WorkerSupervisor>();
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<OutputBindingWriter>();
        services.AddSingleton<HttpTriggerForwarder>();
        services.AddSingleton<FunctionEndpointDataSource>();
        DurableServices.Add(services, builder.Configuration);

        var app = builder.Build();
        var host = new LocalFunctionsHost(app);
        app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => host._stopping.Cancel());

        // Port discipline: gRPC (worker stream, durable sidecar) only on the internal endpoint, functions only on the public one.
        app.Use(async (httpContext, next) =>
        {
            var isInternal = httpContext.Connection.LocalPort == endpoints.InternalPort;
            var isGrpc = httpContext.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
            if (isInternal != isGrpc)
            {
                await Problems.WriteAsync(httpContext, StatusCodes.Status404NotFound, $"No function answers {httpContext.Request.Method} {httpContext.Request.Path}.").ConfigureAwait(false);
                return;
            }

            await next(httpContext).ConfigureAwait(false);
        });
        if (arguments.StaticRoot is { } staticRoot)
        {
            // The static site (e.g. a console) at /: files that exist are served, everything else goes on to the functions.
            var files = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(staticRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                OnPrepareResponse = served =>
                {
                    served.Context.Response.Headers.CacheControl = "no-cache";
                    served.Context.Response.Headers.XContentTypeOptions = "nosniff";
                },
            });
        }

        app.UseRouting();
        app.MapGrpcService<FunctionRpcService>();
        app.MapGrpcService<TaskHubGrpcServer>();
        AdminEndpoints.Map(app, host);
        var functions = app.Services.GetRequiredService<FunctionEndpointDataSource>();
        ((IEndpointRouteBuilder)app).DataSources.Add(functions);
        app.MapFallback(httpContext => host.State == HostState.Starting
            ? Problems.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, "The host is starting; its functions are not loaded yet.")
            : Problems.WriteAsync(httpContext, StatusCodes.Status404NotFound, $"No function answers {httpContext.Request.Method} {httpContext.Request.Path}."));

        var runtime = ActivatorUtilities.CreateInstance<FunctionsRuntime>(app.Services, host);
        app.Lifetime.ApplicationStarted.Register(runtime.Start);
        app.Lifetime.ApplicationStopping.Register(() => runtime.StopAsync().GetAwaiter().GetResult());
        return host;
    }

    /// <summary>Runs <paramref name="work"/> in the background; the host waits for it when it stops.</summary>
    internal void RunInBackground(Func<Task> work)
    {
        var task = Task.Run(work);
        lock (_gate)
        {
            _background.RemoveAll(t => t.IsCompleted);
            _background.Add(task);
        }
    }

    internal Task BackgroundWork()
    {
        lock (_gate) return Task.WhenAll(_background);
    }

    /// <summary>The worker's environment: the app settings (local.settings.json Values) unless the
    /// environment already sets them, and the variables the Functions host always gives.</summary>
    private static Dictionary<string, string> WorkerEnvironment(HostArguments arguments, IReadOnlyDictionary<string, string?> localSettings)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in localSettings)
        {
            if (value is null || key.StartsWith("Host:", StringComparison.OrdinalIgnoreCase)) continue;
            if (Environment.GetEnvironmentVariable(key) is null && Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal)) is null)
            {
                environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        environment["FUNCTIONS_APPLICATION_DIRECTORY"] = arguments.AppFolder;
        environment["FUNCTIONS_WORKER_DIRECTORY"] = arguments.AppFolder;
        environment["AzureWebJobsScriptRoot"] = arguments.AppFolder;
        if (Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT") is null) environment["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
        return environment;
    }

    /// <summary>The HTTP port from the <c>Host:LocalHttpPort</c> setting; 7071 (as Core Tools) when it is empty; a value
    /// that is not a port fails naming the setting.</summary>
    internal static int PortOrDefault(string? port)
    {
        if (string.IsNullOrEmpty(port)) return 7071;
        if (int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is > 0 and < 65536) return value;
        throw new HostConfigurationException("Host:LocalHttpPort", $"must be a port number 1-65535 (was {port}).");
    }
}
