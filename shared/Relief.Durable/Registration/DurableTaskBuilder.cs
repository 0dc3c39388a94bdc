using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Relief.Durable.Core;

namespace Relief.Durable;

/// <summary>Registers orchestrators and activities: returned by <c>services.AddDurableTask()</c>.</summary>
public sealed class DurableTaskBuilder
{
    internal DurableTaskBuilder(IServiceCollection services, DurableTaskRegistry registry)
    {
        Services = services;
        Registry = registry;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The registry being filled.</summary>
    public DurableTaskRegistry Registry { get; }

    /// <summary>Registers an orchestrator <c>async Task&lt;TOut&gt; (context, input)</c>.</summary>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="orchestrator">The orchestrator function.</param>
    /// <param name="version">The version; the last one registered for a name is used for new instances.</param>
    public DurableTaskBuilder AddOrchestrator<TIn, TOut>(string name, Func<TaskOrchestrationContext, TIn, Task<TOut>> orchestrator, string version = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(orchestrator);
        Registry.Add(new OrchestratorDefinition(name, version ?? string.Empty, async (context, input) =>
            JsonData.Serialize(await orchestrator(context, JsonData.Deserialize<TIn>(input)!))));
        return this;
    }

    /// <summary>Registers an activity <c>async Task&lt;TOut&gt; (input, cancellationToken)</c>.</summary>
    public DurableTaskBuilder AddActivity<TIn, TOut>(string name, Func<TIn, CancellationToken, Task<TOut>> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return AddActivity<TIn, TOut>(name, (_, input, ct) => activity(input, ct));
    }

    /// <summary>Registers an activity that takes services from its per-call scope.</summary>
    public DurableTaskBuilder AddActivity<TIn, TOut>(string name, Func<IServiceProvider, TIn, CancellationToken, Task<TOut>> activity)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(activity);
        Registry.Add(new ActivityDefinition(name, async (services, input, ct) =>
            JsonData.Serialize(await activity(services, JsonData.Deserialize<TIn>(input)!, ct).ConfigureAwait(false))));
        return this;
    }

    /// <summary>Registers an activity class resolved from dependency injection (scoped per call).</summary>
    public DurableTaskBuilder AddActivity<TActivity, TIn, TOut>(string name) where TActivity : class, IActivity<TIn, TOut>
    {
        Services.TryAddScoped<TActivity>();
        return AddActivity<TIn, TOut>(name, (services, input, ct) => services.GetRequiredService<TActivity>().RunAsync(input, ct));
    }
}
