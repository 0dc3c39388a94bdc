using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.Hosting.Configuration;
using Relief.Hosting.Http;
using Relief.Hosting.Invocations;
using Relief.Hosting.Queues;
using Relief.Hosting.Timers;

namespace Relief.Hosting;

/// <summary>
/// A built function app: map each trigger to its function, then run.
/// <code>
/// app.Http&lt;Health&gt;("GET", "health");
/// app.Queue&lt;Ping&gt;("ping");
/// app.Timer&lt;Heartbeat&gt;("0 */5 * * * *");
/// return await app.RunAsync();
/// </code>
/// Queue names and schedules may name an app setting as <c>%SettingName%</c>. Registrations are checked
/// when the host starts (settings, schedules, routes); a problem stops the start with a message.
/// </summary>
public sealed class FunctionHost : IAsyncDisposable
{
    private readonly FunctionRegistry _registry;
    private bool _prepared;

    internal FunctionHost(WebApplication app)
    {
        App = app;
        _registry = app.Services.GetRequiredService<FunctionRegistry>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(WriteStatusProblemAsync);
    }

    /// <summary>The underlying ASP.NET Core application.</summary>
    public WebApplication App { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => App.Services;

    /// <summary>The app's configuration.</summary>
    public IConfiguration Configuration => App.Configuration;

    /// <summary>Every registered function.</summary>
    public IReadOnlyList<FunctionRegistration> Functions => _registry.All;

    /// <summary>The addresses Kestrel listens on (after start).</summary>
    public IReadOnlyCollection<string> Urls =>
        App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    /// <summary>Maps an HTTP function (<see cref="IHttpFunction"/> or <see cref="IHttpFunction{TBody}"/>) to
    /// <paramref name="method"/> <c>/{routePrefix}/{route}</c>.</summary>
    public FunctionHost Http<TFunction>(string method, string route, string? name = null)
        where TFunction : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(route);
        Register(new FunctionRegistration(name ?? typeof(TFunction).Name, TriggerKind.Http, typeof(TFunction), $"{method.ToUpperInvariant()} {route}"));
        return this;
    }

    /// <summary>Maps a queue function (<see cref="IQueueFunction{TMessage}"/>) to a storage queue.</summary>
    public FunctionHost Queue<TFunction>(string queueName, string? name = null)
        where TFunction : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        Register(new FunctionRegistration(name ?? typeof(TFunction).Name, TriggerKind.Queue, typeof(TFunction), queueName));
        return this;
    }

    /// <summary>Maps a timer function to a 6-field CRON schedule (second minute hour day month day-of-week)
    /// in the configured time zone (default China Standard Time).</summary>
    public FunctionHost Timer<TFunction>(string schedule, bool runOnStartup = false, string? name = null)
        where TFunction : class, ITimerFunction
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schedule);
        Register(new FunctionRegistration(name ?? typeof(TFunction).Name, TriggerKind.Timer, typeof(TFunction), schedule, runOnStartup));
        return this;
    }

    /// <summary>Starts the host (HTTP server and listeners).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Prepare();
        await App.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops gracefully: polling ends, running invocations finish (until the shutdown timeout).</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => App.StopAsync(cancellationToken);

    /// <summary>Runs until Ctrl+C / SIGTERM. Returns 0, or 1 when the configuration is invalid (the message names the setting).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var logger = App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Relief.Hosting");
        try
        {
            Prepare();
            await ((IHost)App).RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is HostConfigurationException or OptionsValidationException)
        {
            Logs.HostConfigurationInvalid(logger, ex.Message);
            await Console.Error.WriteLineAsync("The host cannot start: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => App.DisposeAsync();

    private void Register(FunctionRegistration registration)
    {
        if (_prepared) throw new InvalidOperationException("Functions must be registered before the host starts.");
        _registry.Add(registration);
    }

    /// <summary>Resolves settings, checks registrations and maps HTTP routes; errors name the function and setting.</summary>
    private void Prepare()
    {
        if (_prepared) return;
        _prepared = true;
        var timers = Services.GetRequiredService<IOptions<TimersOptions>>().Value;
        foreach (var registration in _registry.All)
        {
            switch (registration.Trigger)
            {
                case TriggerKind.Http:
                    var space = registration.Target.IndexOf(' ', StringComparison.Ordinal);
                    HttpFunctionEndpoints.Map(App, registration.FunctionType, registration.Target[..space], registration.Target[(space + 1)..], registration.Name);
                    break;
                case TriggerKind.Queue:
                    var queueName = ResolveSetting(registration.Name, registration.Target);
                    if (!QueueNames.IsValid(queueName))
                    {
                        throw new HostConfigurationException(registration.Name, QueueNames.Problem(queueName));
                    }

                    _registry.Resolve(registration.Name, new FunctionRegistry.ResolvedQueue(queueName, MessageTypeOf(registration.FunctionType)));
                    break;
                case TriggerKind.Timer:
                    var text = ResolveSetting(registration.Name, registration.Target);
                    TimeZones.TryResolve(timers.TimeZone, out var zone);
                    try
                    {
                        _registry.Resolve(registration.Name, CronSchedule.Parse(text, zone!));
                    }
                    catch (FormatException ex)
                    {
                        throw new HostConfigurationException(registration.Name, ex.Message, ex);
                    }

                    break;
            }
        }
    }

    private string ResolveSetting(string functionName, string value)
    {
        if (value.Length < 3 || value[0] != '%' || value[^1] != '%') return value;
        var setting = value[1..^1];
        return Configuration[setting] is { Length: > 0 } resolved
            ? resolved
            : throw new HostConfigurationException(setting, $"function '{functionName}' uses %{setting}% but no app setting of that name is set.");
    }

    private static Type MessageTypeOf(Type functionType)
    {
        var interfaces = functionType.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueueFunction<>)).ToArray();
        return interfaces.Length == 1
            ? interfaces[0].GetGenericArguments()[0]
            : throw new InvalidOperationException($"Queue function '{functionType.Name}' must implement IQueueFunction<TMessage> exactly once.");
    }

    private static async Task WriteStatusProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var detail = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => $"No function answers {http.Request.Method} {http.Request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"The function at {http.Request.Path} does not accept {http.Request.Method}.",
            _ => null,
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode, Detail = detail },
        }).ConfigureAwait(false);
    }
}
