using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Relief.FunctionsHost.Configuration;
using Relief.FunctionsHost.Invocations;
using Relief.FunctionsHost.Queues;
using Relief.FunctionsHost.Storage;
using Relief.FunctionsHost.Timers;

namespace Relief.FunctionsHost.Startup;

/// <summary>Registers what the listeners need: options from host.json (validated at start), storage, poison writing, schedule status, invocation tracking.</summary>
public static class HostCoreServices
{
    /// <summary>Adds what any host of functions needs: options from host.json (validated at start), storage
    /// clients, poison writing, schedule status and invocation tracking; no listeners and no functions.</summary>
    public static IServiceCollection AddFunctionHostCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(Queues.PollingClock.System);
        services.TryAddSingleton<IInvocationIdSource, TimeOrderedInvocationIdSource>();
        services.TryAddSingleton<InvocationTracker>();

        services.AddOptions<HttpOptions>().Configure<IConfiguration>((o, c) => HostJson.Bind(c, HttpOptions.Path, o)).ValidateOnStart();
        services.AddOptions<QueuesOptions>().Configure<IConfiguration>((o, c) => HostJson.Bind(c, QueuesOptions.Path, o)).ValidateOnStart();
        services.AddOptions<TimersOptions>().Configure<IConfiguration>((o, c) =>
        {
            HostJson.Bind(c, TimersOptions.Path, o);
            if (!string.IsNullOrWhiteSpace(c["WEBSITE_TIME_ZONE"])) o.TimeZone = c["WEBSITE_TIME_ZONE"]!;
        }).ValidateOnStart();
        services.AddOptions<StorageOptions>().Configure<IConfiguration>((o, c) =>
        {
            if (c[StorageOptions.ConnectionSetting] is { Length: > 0 } connection) o.ConnectionString = connection;
            if (c["AzureFunctionsWebHost:hostid"] is { Length: > 0 } hostId) o.HostId = hostId;
            if (c["Relief:HostContainer"] is { Length: > 0 } container) o.HostContainer = container;
            if (c["Relief:HealthTimeout"] is { Length: > 0 } timeout)
            {
                o.HealthTimeout = TimeSpan.TryParse(timeout, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : throw new HostConfigurationException("Relief:HealthTimeout", $"must be a time span such as 00:00:05 (was {timeout}).");
            }
        }).ValidateOnStart();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpOptions>, OptionsValidators>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QueuesOptions>, OptionsValidators>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TimersOptions>, OptionsValidators>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, OptionsValidators>());

        services.TryAddSingleton<StorageAccount>();
        services.TryAddSingleton<IStorageHealth, StorageHealth>();
        services.TryAddSingleton<QueueSender>();
        services.TryAddSingleton<PoisonQueueWriter>();
        services.TryAddSingleton<ScheduleStatusStore>();
        return services;
    }
}
