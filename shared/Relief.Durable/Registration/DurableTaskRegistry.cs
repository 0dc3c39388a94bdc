using Relief.Durable.Core;

namespace Relief.Durable;

/// <summary>
/// The orchestrators (by name and version) and activities (by name) this process can run. The last
/// version registered for a name is the one new instances start on; instances keep the version they
/// started with.
/// </summary>
public sealed class DurableTaskRegistry : IOrchestratorCatalog
{
    private readonly Dictionary<string, List<OrchestratorDefinition>> _orchestrators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityDefinition> _activities = new(StringComparer.Ordinal);

    /// <summary>Adds an orchestrator version.</summary>
    public void Add(OrchestratorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!_orchestrators.TryGetValue(definition.Name, out var versions)) _orchestrators[definition.Name] = versions = [];
        if (versions.Any(v => string.Equals(v.Version, definition.Version, StringComparison.Ordinal)))
            throw new InvalidOperationException($"Orchestrator '{definition.Name}' version '{definition.Version}' is registered twice.");
        versions.Add(definition);
    }

    /// <summary>Adds an activity.</summary>
    public void Add(ActivityDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!_activities.TryAdd(definition.Name, definition))
            throw new InvalidOperationException($"Activity '{definition.Name}' is registered twice.");
    }

    /// <inheritdoc />
    public OrchestratorDefinition? Find(string name, string? version)
    {
        if (!_orchestrators.TryGetValue(name, out var versions) || versions.Count == 0) return null;
        if (version is null) return versions[^1];
        return versions.FirstOrDefault(v => string.Equals(v.Version, version, StringComparison.Ordinal));
    }

    /// <summary>Finds an activity.</summary>
    public ActivityDefinition? FindActivity(string name) => _activities.GetValueOrDefault(name);
}

/// <summary>A registered activity: JSON in, JSON out, services from a per-call scope.</summary>
/// <param name="Name">The activity name.</param>
/// <param name="Run">Runs the activity.</param>
public sealed record ActivityDefinition(string Name, Func<IServiceProvider, string?, CancellationToken, Task<string?>> Run);
