namespace Relief.Durable.Core;

/// <summary>A registered orchestrator: name, version and a JSON-in/JSON-out entry point.</summary>
/// <param name="Name">The orchestrator name.</param>
/// <param name="Version">The version ("" when unversioned).</param>
/// <param name="Run">Runs the orchestrator with the JSON input and returns the JSON output.</param>
public sealed record OrchestratorDefinition(string Name, string Version, Func<TaskOrchestrationContext, string?, Task<string?>> Run);

/// <summary>Looks up orchestrators by name and version.</summary>
public interface IOrchestratorCatalog
{
    /// <summary>Finds an orchestrator; a null version means the latest registered.</summary>
    OrchestratorDefinition? Find(string name, string? version);
}
