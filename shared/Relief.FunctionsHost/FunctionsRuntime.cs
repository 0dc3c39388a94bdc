using System.Diagnostics;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.FunctionsHost.Durable;
using Relief.FunctionsHost.Http;
using Relief.FunctionsHost.Invocations;
using Relief.FunctionsHost.Metadata;
using Relief.FunctionsHost.Queues;
using Relief.FunctionsHost.Rpc;
using Relief.FunctionsHost.Startup;
using Relief.FunctionsHost.Timers;
using Relief.FunctionsHost.Worker;
using Relief.FunctionsHost.Configuration;
using Relief.FunctionsHost.Storage;

namespace Relief.FunctionsHost;

/// <summary>
/// Starts the functions once the host listens: the worker (index, load), then a check of every function
/// (unknown binding types, unresolved settings, bad schedules, route clashes stop the start naming the
/// function), then the durable sidecar, the queue and timer listeners and the HTTP routes. Stops in the
/// reverse order, gracefully: listeners drain, durable work in flight finishes, then the worker goes.
/// </summary>
internal sealed class FunctionsRuntime(
    LocalFunctionsHost host,
    IServiceProvider services,
    HostContext context,
    HostEndpoints endpoints,
    WorkerSupervisor supervisor,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(20);
    private readonly ILogger _logger = loggers.CreateLogger("Relief.FunctionsHost");
    private readonly List<QueueListener> _queues = [];
    private readonly List<TimerListener> _timers = [];
    private readonly CancellationTokenSource _startAborted = new();
    private DurableWorkItemPump? _pump;
    private Task _startup = Task.CompletedTask;

    public void Start() => _startup = Task.Run(StartAsync);

    public async Task StopAsync()
    {
        await _startAborted.CancelAsync().ConfigureAwait(false);
        await _startup.ConfigureAwait(false);
        if (host.State == HostState.Running) host.State = HostState.Stopping;
        Logs.HostStopping(_logger);
        using var drain = new CancellationTokenSource(DrainTimeout);
        await Task.WhenAll(_queues.Select(q => q.StopAsync(drain.Token)).Concat(_timers.Select(t => t.StopAsync(drain.Token)))).ConfigureAwait(false);
        if (_pump is not null) await _pump.StopAsync(drain.Token).ConfigureAwait(false);
        await host.BackgroundWork().WaitAsync(drain.Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        await supervisor.StopAsync().ConfigureAwait(false);
        if (_pump is not null) await _pump.DisposeAsync().ConfigureAwait(false);
        foreach (var listener in _queues) listener.Dispose();
        foreach (var listener in _timers) listener.Dispose();
        if (host.State != HostState.Error) host.State = HostState.Stopped;
    }

    private async Task StartAsync()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var index = await supervisor.StartAsync(_startAborted.Token).ConfigureAwait(false);
            var plan = Plan(index);
            host.Index = index;

            if (index.All.Any(f => f.Bindings.Any(b => IsDurable(b.Type))))
            {
                var provider = services.GetRequiredService<DurableProvider>();
                await provider.CreateIfNotExistsAsync().ConfigureAwait(false);
                _pump = services.GetRequiredService<DurableWorkItemPump>();
                _pump.Start(index);
            }

            StartQueues(plan.Queues);
            StartTimers(plan.Timers);
            var forwarder = services.GetRequiredService<HttpTriggerForwarder>();
            services.GetRequiredService<FunctionEndpointDataSource>().Set(plan.Routes, forwarder.HandleAsync);
            host.State = HostState.Running;
            Logs.HostReady(_logger, endpoints.PublicUri, index.All.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var function in index.All) Logs.FunctionListed(_logger, function.Name, function.Trigger.Type, Describe(function, plan));
        }
        catch (OperationCanceledException) when (_startAborted.IsCancellationRequested)
        {
            // Stopped while starting.
        }
        catch (Exception ex) when (ex is HostConfigurationException or FunctionIndexException or OptionsValidationException or TimeoutException
            or WorkerLostException or InvalidOperationException or FormatException or Azure.RequestFailedException or System.ComponentModel.Win32Exception)
        {
            host.State = HostState.Error;
            host.ExitCode = 1;
            Logs.StartFailed(_logger, ex.Message);
            await Console.Error.WriteLineAsync("The host cannot start: " + ex.Message).ConfigureAwait(false);
            // Not inline: stopping waits for this start-up task to end.
            _ = Task.Run(lifetime.StopApplication);
        }
    }

    /// <summary>Checks every function against what the host runs and resolves its settings.</summary>
    private StartPlan Plan(FunctionIndex index)
    {
        var queues = new List<(FunctionDescriptor, string)>();
        var timers = new List<(FunctionDescriptor, CronSchedule, bool)>();
        var timerOptions = services.GetRequiredService<IOptions<TimersOptions>>().Value;
        TimeZones.TryResolve(timerOptions.TimeZone, out var zone);
        foreach (var function in index.All)
        {
            var trigger = function.Bindings.FirstOrDefault(b => b.IsTrigger)
                ?? throw new FunctionIndexException(function.Name, "it has no trigger binding.");
            if (string.Equals(trigger.Type, BindingTypes.EntityTrigger, StringComparison.OrdinalIgnoreCase))
            {
                throw new FunctionIndexException(function.Name, "durable entities (entityTrigger) are not supported by this local host; run the app on the Functions host, or use orchestrations.");
            }

            if (!BindingTypes.Triggers.Contains(trigger.Type))
            {
                throw new FunctionIndexException(function.Name, $"its trigger type '{trigger.Type}' is not supported by this host (supported: {string.Join(", ", BindingTypes.Triggers)}).");
            }

            foreach (var binding in function.Bindings.Where(b => !b.IsTrigger))
            {
                if (!BindingTypes.Others.Contains(binding.Type))
                {
                    throw new FunctionIndexException(function.Name, $"binding '{binding.Name}' has type '{binding.Type}', which this host does not support (supported: {string.Join(", ", BindingTypes.Others)}).");
                }

                if (string.Equals(binding.Type, BindingTypes.Queue, StringComparison.OrdinalIgnoreCase)) QueueName(function, binding);
            }

            if (function.Is(BindingTypes.QueueTrigger)) queues.Add((function, QueueName(function, trigger)));
            if (function.Is(BindingTypes.TimerTrigger))
            {
                var text = context.Resolve(function.Name, trigger.Property("schedule") ?? throw new FunctionIndexException(function.Name, "its timer trigger has no schedule."));
                CronSchedule schedule;
                try
                {
                    schedule = TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var every) && !text.Contains(' ', StringComparison.Ordinal)
                        ? CronSchedule.Every(every, zone!)
                        : CronSchedule.Parse(text, zone!);
                }
                catch (FormatException ex)
                {
                    throw new FunctionIndexException(function.Name, ex.Message);
                }

                timers.Add((function, schedule, string.Equals(trigger.Property("runOnStartup"), "true", StringComparison.OrdinalIgnoreCase)));
            }
        }

        var http = services.GetRequiredService<IOptions<HttpOptions>>().Value;
        return new StartPlan(queues, timers, HttpRoute.For(index, http.RoutePrefix));
    }

    private string QueueName(FunctionDescriptor function, BindingDescriptor binding)
    {
        var name = context.Resolve(function.Name, binding.Property("queueName") ?? throw new FunctionIndexException(function.Name, $"binding '{binding.Name}' has no queueName."));
        if (!QueueNames.IsValid(name)) throw new FunctionIndexException(function.Name, QueueNames.Problem(name));

        // Queues are read and written through AzureWebJobsStorage; a binding naming another account is refused
        // rather than silently served from the wrong one.
        var connection = binding.Property("connection");
        if (connection is { Length: > 0 } && !string.Equals(connection, StorageOptions.ConnectionSetting, StringComparison.OrdinalIgnoreCase))
        {
            var named = context.Configuration[connection] ?? context.Configuration["AzureWebJobs" + connection]
                ?? throw new HostConfigurationException(connection, $"function '{function.Name}' names this connection but no such setting is set.");
            if (!string.Equals(named, context.Configuration[StorageOptions.ConnectionSetting], StringComparison.Ordinal))
            {
                throw new FunctionIndexException(function.Name, $"binding '{binding.Name}' uses connection '{connection}'; this host serves queues of AzureWebJobsStorage only.");
            }
        }

        return name;
    }

    private void StartQueues(IEnumerable<(FunctionDescriptor Function, string Queue)> queues)
    {
        var account = services.GetRequiredService<StorageAccount>();
        var options = services.GetRequiredService<IOptions<QueuesOptions>>().Value;
        var tracker = services.GetRequiredService<InvocationTracker>();
        var poison = services.GetRequiredService<PoisonQueueWriter>();
        var invoker = services.GetRequiredService<FunctionInvoker>();
        foreach (var (function, queueName) in queues)
        {
            var queue = account.Queues.GetQueueClient(queueName);
            var logger = loggers.CreateLogger("Relief.FunctionsHost.Queues." + function.Name);
            var handler = new QueueMessageHandler(function.Name, queue, new WorkerQueueTarget(function, invoker), options, tracker, poison, time, logger);
            var listener = new QueueListener(function.Name, queue, handler, options, services.GetRequiredService<PollingClock>().Time, logger);
            _queues.Add(listener);
            listener.Start();
        }
    }

    private void StartTimers(IEnumerable<(FunctionDescriptor Function, CronSchedule Schedule, bool RunOnStartup)> timers)
    {
        var account = services.GetRequiredService<StorageAccount>();
        var options = services.GetRequiredService<IOptions<TimersOptions>>().Value;
        var tracker = services.GetRequiredService<InvocationTracker>();
        var store = services.GetRequiredService<ScheduleStatusStore>();
        var invoker = services.GetRequiredService<FunctionInvoker>();
        foreach (var (function, schedule, runOnStartup) in timers)
        {
            var listener = new TimerListener(
                function.Name,
                (timer, invocation, abort) => invoker.InvokeAsync(function, invocation.InvocationId,
                    [new ParameterBinding { Name = function.Trigger.Name, Data = TimerTriggerValue.From(timer, time.GetUtcNow()) }], [], abort),
                schedule, runOnStartup, account, store, options, tracker, time,
                loggers.CreateLogger("Relief.FunctionsHost.Timers." + function.Name));
            _timers.Add(listener);
            listener.Start();
        }
    }

    private static bool IsDurable(string type) =>
        type.Equals(BindingTypes.OrchestrationTrigger, StringComparison.OrdinalIgnoreCase) ||
        type.Equals(BindingTypes.ActivityTrigger, StringComparison.OrdinalIgnoreCase) ||
        type.Equals(BindingTypes.DurableClient, StringComparison.OrdinalIgnoreCase);

    private static string Describe(FunctionDescriptor function, StartPlan plan)
    {
        if (plan.Routes.FirstOrDefault(r => r.Function == function) is { } route)
        {
            return $"[{(route.Methods.Count == 0 ? "ANY" : string.Join(",", route.Methods))}] /{route.Template}";
        }

        if (plan.Queues.FirstOrDefault(q => q.Function == function) is { Function: not null } queue) return "queue " + queue.Queue;
        if (plan.Timers.FirstOrDefault(t => t.Function == function) is { Function: not null } timer) return timer.Schedule.ToString();
        return "";
    }

    private sealed record StartPlan(
        IReadOnlyList<(FunctionDescriptor Function, string Queue)> Queues,
        IReadOnlyList<(FunctionDescriptor Function, CronSchedule Schedule, bool RunOnStartup)> Timers,
        IReadOnlyList<HttpRoute> Routes);
}
