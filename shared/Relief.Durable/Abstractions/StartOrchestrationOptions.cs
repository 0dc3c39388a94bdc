namespace Relief.Durable;

/// <summary>Options for scheduling a new orchestration instance.</summary>
/// <param name="InstanceId">The instance id (e.g. the application id); null = a new random id.</param>
/// <param name="Version">The orchestrator version to run; null = the latest registered in the worker.</param>
public sealed record StartOrchestrationOptions(string? InstanceId = null, string? Version = null);
