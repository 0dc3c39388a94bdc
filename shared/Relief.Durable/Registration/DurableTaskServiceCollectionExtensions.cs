using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Relief.Durable.Metrics;
using Relief.Durable.Storage;
using Relief.Durable.Worker;

namespace Relief.Durable;

/// <summary>Registration of the durable engine.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>
    /// Adds the durable engine (client, worker hosted service, storage metrics). Settings are bound from
    /// the configuration section <see cref="DurableTaskOptions.DefaultSectionName"/> (host.json
    /// <c>extensions.durableTask</c>) and the connection string from the configuration key
    /// <see cref="DurableTaskOptions.ConnectionName"/> (<c>AzureWebJobsStorage</c>); then
    /// <paramref name="configure"/> runs. Options are validated at start.
    /// <code>
    /// services.AddDurableTask()
    ///     .AddOrchestrator&lt;Application, Decision&gt;("Approval", ApprovalOrchestrator.RunAsync)
    ///     .AddActivity&lt;Application, Check&gt;("AcceptanceCheck", (app, ct) => ...);
    /// </code>
    /// </summary>
    public static DurableTaskBuilder AddDurableTask(this IServiceCollection services, Action<DurableTaskOptions>? configure = null) =>
        services.AddDurableTask(DurableTaskOptions.DefaultSectionName, configure);

    /// <summary>As <see cref="AddDurableTask(IServiceCollection, Action{DurableTaskOptions}?)"/>, bound from another configuration section path.</summary>
    public static DurableTaskBuilder AddDurableTask(this IServiceCollection services, string sectionName, Action<DurableTaskOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DurableTaskOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            if (provider.GetService<IConfiguration>() is { } configuration) Bind(options, configuration, configuration.GetSection(sectionName));
        });
        return AddCore(services, configure);
    }

    /// <summary>As <see cref="AddDurableTask(IServiceCollection, Action{DurableTaskOptions}?)"/>, bound from the given section (connection string looked up in <paramref name="root"/>).</summary>
    public static DurableTaskBuilder AddDurableTask(this IServiceCollection services, IConfiguration section, IConfiguration? root = null, Action<DurableTaskOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<DurableTaskOptions>().Configure(options => Bind(options, root ?? section, section));
        return AddCore(services, configure);
    }

    private static void Bind(DurableTaskOptions options, IConfiguration root, IConfiguration section)
    {
        section.Bind(options);
        options.ConnectionString ??= root[options.ConnectionName] ?? root.GetConnectionString(options.ConnectionName)
                                     ?? root["Values:" + options.ConnectionName];
    }

    private static DurableTaskBuilder AddCore(IServiceCollection services, Action<DurableTaskOptions>? configure)
    {
        if (configure is not null) services.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DurableTaskOptions>, DurableTaskOptionsValidator>());
        services.AddOptions<DurableTaskOptions>().ValidateOnStart();

        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(DurableTaskRegistry))?.ImplementationInstance as DurableTaskRegistry;
        var registry = existing ?? new DurableTaskRegistry();
        if (existing is null)
        {
            services.AddSingleton(registry);
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton(InfrastructureClock.System);
            services.TryAddSingleton<IIdSource, GuidIdSource>();
            services.TryAddSingleton(provider => new StorageRequestMetrics(provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
            services.TryAddSingleton(provider => new DurableStorage(provider.GetRequiredService<IOptions<DurableTaskOptions>>().Value, provider.GetRequiredService<StorageRequestMetrics>()));
            services.TryAddSingleton<DurableTaskClient>();
            services.TryAddSingleton<DurableTaskWorker>();
            services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<DurableTaskWorker>());
        }
        return new DurableTaskBuilder(services, registry);
    }
}
