using Relief.Durable.Core;

namespace Relief.Durable;

/// <summary>The state of one orchestration instance as returned by the client.</summary>
public sealed class OrchestrationMetadata
{
    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }
    /// <summary>The orchestrator name.</summary>
    public required string Name { get; init; }
    /// <summary>The orchestrator version the instance runs (recorded at start).</summary>
    public string? Version { get; init; }
    /// <summary>The id of the current execution (changes on continue-as-new).</summary>
    public string? ExecutionId { get; init; }
    /// <summary>The runtime status.</summary>
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }
    /// <summary>When the instance was scheduled.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>When the state last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }
    /// <summary>The JSON input (only when requested).</summary>
    public string? SerializedInput { get; init; }
    /// <summary>The JSON output (only when requested).</summary>
    public string? SerializedOutput { get; init; }
    /// <summary>The JSON custom status set by the orchestrator.</summary>
    public string? SerializedCustomStatus { get; init; }
    /// <summary>Why the instance failed, when it did.</summary>
    public FailureDetails? FailureDetails { get; init; }

    /// <summary>True when the instance is Completed, Failed or Terminated.</summary>
    public bool IsCompleted => RuntimeStatus.IsTerminal();

    /// <summary>Deserialises the input.</summary>
    public T? ReadInputAs<T>() => JsonData.Deserialize<T>(SerializedInput);
    /// <summary>Deserialises the output.</summary>
    public T? ReadOutputAs<T>() => JsonData.Deserialize<T>(SerializedOutput);
    /// <summary>Deserialises the custom status.</summary>
    public T? ReadCustomStatusAs<T>() => JsonData.Deserialize<T>(SerializedCustomStatus);
}
