using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.Hosting.Configuration;
using Relief.Hosting.Invocations;
using Relief.Hosting.Queues;
using Relief.Hosting.Storage;
using Relief.Hosting.Timers;

namespace Relief.Hosting;

/// <summary>Starts a listener per queue and timer function when the host starts; stops them gracefully.</summary>
internal sealed class FunctionListeners(IServiceProvider services, FunctionRegistry registry, ILoggerFactory loggers) : IHostedService, IDisposable
{
    private readonly List<QueueListener> _queues = [];
    private readonly List<TimerListener> _timers = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var account = services.GetRequiredService<StorageAccount>();
        var time = services.GetRequiredService<TimeProvider>();
        var tracker = services.GetRequiredService<InvocationTracker>();
        var queueOptions = services.GetRequiredService<IOptions<QueuesOptions>>().Value;
        var timerOptions = services.GetRequiredService<IOptions<TimersOptions>>().Value;

        foreach (var registration in registry.All)
        {
            if (registration.Trigger == TriggerKind.Queue)
            {
                var resolved = registry.Queues[registration.Name];
                var queue = account.Queues.GetQueueClient(resolved.QueueName);
                var logger = loggers.CreateLogger("Relief.Hosting.Queues." + registration.Name);
                var target = (IQueueTarget)Activator.CreateInstance(
                    typeof(InProcessQueueTarget<,>).MakeGenericType(registration.FunctionType, resolved.MessageType), services)!;
                var handler = new QueueMessageHandler(registration.Name, queue, target, queueOptions, tracker, services.GetRequiredService<PoisonQueueWriter>(), time, logger);
                var listener = new QueueListener(registration.Name, queue, handler, queueOptions, services.GetRequiredService<PollingClock>().Time, logger);
                _queues.Add(listener);
                listener.Start();
            }
            else if (registration.Trigger == TriggerKind.Timer)
            {
                var functionType = registration.FunctionType;
                var listener = new TimerListener(
                    registration.Name, (timer, context, abort) => RunTimerAsync(functionType, timer, context, abort), registry.Timers[registration.Name], registration.RunOnStartup,
                    account, services.GetRequiredService<ScheduleStatusStore>(), timerOptions, tracker, time,
                    loggers.CreateLogger("Relief.Hosting.Timers." + registration.Name));
                _timers.Add(listener);
                listener.Start();
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_queues.Select(l => l.StopAsync(cancellationToken)).Concat(_timers.Select(l => l.StopAsync(cancellationToken))));

    public void Dispose()
    {
        foreach (var listener in _queues) listener.Dispose();
        foreach (var listener in _timers) listener.Dispose();
    }

    private async Task RunTimerAsync(Type functionType, TimerInfo timer, FunctionContext context, CancellationToken abort)
    {
        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var function = (ITimerFunction)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, functionType);
            await function.RunAsync(timer, context, abort).ConfigureAwait(false);
        }
    }
}
