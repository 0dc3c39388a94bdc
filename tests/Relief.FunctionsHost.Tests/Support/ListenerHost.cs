using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.FunctionsHost.Configuration;
using Relief.FunctionsHost.Invocations;
using Relief.FunctionsHost.Queues;
using Relief.FunctionsHost.Startup;
using Relief.FunctionsHost.Storage;
using Relief.FunctionsHost.Timers;
using Relief.Testing;

namespace Relief.FunctionsHost.Tests.Support;

/// <summary>A queue function run in the test process (the listener tests' stand-in for a worker function).</summary>
public interface IQueueFunction<in TMessage>
{
    Task RunAsync(TMessage message, QueueTriggerContext context, CancellationToken cancellationToken);
}

/// <summary>A timer function run in the test process.</summary>
public interface ITimerFunction
{
    Task RunAsync(TimerInfo timer, FunctionContext context, CancellationToken cancellationToken);
}

/// <summary>
/// The host's queue and timer listeners with the host's own services (<see cref="HostCoreServices"/>: host.json options,
/// storage, poison writer, schedule status, invocation tracking) and in-process functions instead of a worker, so that
/// listener behaviour (retries, poison, batching, stop deadlines, schedules on a fake clock) is tested without a worker
/// process. Starting and stopping the listeners is what <c>FunctionsRuntime</c> does for worker functions.
/// </summary>
internal sealed class ListenerHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly List<Func<IServiceProvider, (Func<CancellationToken, Task> Stop, IDisposable Listener)>> _registrations = [];
    private readonly List<(Func<CancellationToken, Task> Stop, IDisposable Listener)> _running = [];
    private bool _stopped;

    private ListenerHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IConfiguration Configuration => _host.Services.GetRequiredService<IConfiguration>();

    /// <summary>Settings as the local host reads them (fast polling for tests unless overridden; null removes a value).</summary>
    public static ListenerHost Build(
        string connectionString,
        IDictionary<string, string?>? settings = null,
        TimeProvider? time = null,
        LogCapture? logs = null,
        Action<IServiceCollection>? services = null,
        string hostId = "test")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["AzureFunctionsWebHost:hostid"] = hostId,
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.2",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        builder.Configuration.AddInMemoryCollection(values.Where(v => v.Value is not null));
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs ?? new LogCapture());
        if (time is not null) builder.Services.AddSingleton(time);
        builder.Services.AddFunctionHostCore();
        services?.Invoke(builder.Services);
        return new ListenerHost(builder.Build());
    }

    /// <summary>Listens on <paramref name="queue"/> (or the queue an app setting names, as <c>%Setting%</c>) with
    /// <typeparamref name="TFunction"/>, binding each message's JSON to <typeparamref name="TMessage"/>.</summary>
    public void Queue<TFunction, TMessage>(string queue, string? name = null)
        where TFunction : IQueueFunction<TMessage>
    {
        var functionName = name ?? typeof(TFunction).Name;
        _registrations.Add(services =>
        {
            var options = services.GetRequiredService<IOptions<QueuesOptions>>().Value;
            var client = services.GetRequiredService<StorageAccount>().Queues.GetQueueClient(Resolve(queue));
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Relief.FunctionsHost.Queues." + functionName);
            var handler = new QueueMessageHandler(functionName, client, new InProcessTarget<TFunction, TMessage>(services), options,
                services.GetRequiredService<InvocationTracker>(), services.GetRequiredService<PoisonQueueWriter>(), services.GetRequiredService<TimeProvider>(), logger);
            var listener = new QueueListener(functionName, client, handler, options, services.GetRequiredService<PollingClock>().Time, logger);
            listener.Start();
            return (listener.StopAsync, listener);
        });
    }

    /// <summary>Runs <typeparamref name="TFunction"/> on <paramref name="schedule"/> (6-field CRON, or <c>%Setting%</c>).
    /// A bad schedule fails the start, naming the function.</summary>
    public void Timer<TFunction>(string schedule, bool runOnStartup = false, string? name = null)
        where TFunction : ITimerFunction
    {
        var functionName = name ?? typeof(TFunction).Name;
        _registrations.Add(services =>
        {
            var options = services.GetRequiredService<IOptions<TimersOptions>>().Value;
            TimeZones.TryResolve(options.TimeZone, out var zone);
            CronSchedule cron;
            try
            {
                cron = CronSchedule.Parse(Resolve(schedule), zone!);
            }
            catch (FormatException ex)
            {
                throw new HostConfigurationException(functionName, ex.Message);
            }

            var listener = new TimerListener(
                functionName,
                async (timer, context, abort) =>
                {
                    await using var scope = services.CreateAsyncScope();
                    await ActivatorUtilities.GetServiceOrCreateInstance<TFunction>(scope.ServiceProvider).RunAsync(timer, context, abort);
                },
                cron, runOnStartup, services.GetRequiredService<StorageAccount>(), services.GetRequiredService<ScheduleStatusStore>(), options,
                services.GetRequiredService<InvocationTracker>(), services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger("Relief.FunctionsHost.Timers." + functionName));
            listener.Start();
            return (listener.StopAsync, listener);
        });
    }

    /// <summary>Validates the options (as the local host does at start), then starts every listener.</summary>
    public async Task StartAsync()
    {
        await _host.StartAsync();
        foreach (var register in _registrations) _running.Add(register(_host.Services));
    }

    /// <summary>Stops every listener: running invocations finish, unless <paramref name="deadline"/> fires first.</summary>
    public async Task StopAsync(CancellationToken deadline = default)
    {
        if (_stopped) return;
        _stopped = true;
        await Task.WhenAll(_running.Select(r => r.Stop(deadline)));
        await _host.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20))) await StopAsync(deadline.Token);
        foreach (var (_, listener) in _running) listener.Dispose();
        _host.Dispose();
    }

    private string Resolve(string value) =>
        value.Length > 2 && value[0] == '%' && value[^1] == '%'
            ? Configuration[value[1..^1]] ?? throw new HostConfigurationException(value[1..^1], "is not set.")
            : value;

    /// <summary>Binds the message JSON (raw or base64) and runs the function in a new scope; malformed → poisoned unrun.</summary>
    private sealed class InProcessTarget<TFunction, TMessage>(IServiceProvider services) : IQueueTarget
        where TFunction : IQueueFunction<TMessage>
    {
        public QueueRun? Bind(string body, out string? malformed)
        {
            var decoded = QueueMessageCodec.Decode<TMessage>(body, QueueSender.Json);
            malformed = decoded.Error;
            if (!decoded.Succeeded) return null;
            return async (_, context, abort) =>
            {
                await using var scope = services.CreateAsyncScope();
                await ActivatorUtilities.GetServiceOrCreateInstance<TFunction>(scope.ServiceProvider).RunAsync(decoded.Value!, context, abort);
            };
        }
    }
}
