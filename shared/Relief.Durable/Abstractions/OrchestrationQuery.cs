namespace Relief.Durable;

/// <summary>A filter over orchestration instances; all given conditions must hold.</summary>
public sealed record OrchestrationQuery
{
    /// <summary>Only instances in one of these statuses (null or empty = any).</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }
    /// <summary>Only instances created at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }
    /// <summary>Only instances created before this time.</summary>
    public DateTimeOffset? CreatedTo { get; init; }
    /// <summary>Only instances of this orchestrator name (exact match).</summary>
    public string? Name { get; init; }
    /// <summary>Only instances whose id starts with this prefix.</summary>
    public string? InstanceIdPrefix { get; init; }
    /// <summary>Page size (1–1000). Default 100.</summary>
    public int PageSize { get; init; } = 100;
    /// <summary>The continuation token from the previous page; null for the first page.</summary>
    public string? ContinuationToken { get; init; }
    /// <summary>Also return inputs and outputs. Default false.</summary>
    public bool FetchInputsAndOutputs { get; init; }
}

/// <summary>One page of a query.</summary>
/// <param name="Instances">The instances on this page.</param>
/// <param name="ContinuationToken">Pass to the next query for the next page; null when there is none.</param>
public sealed record OrchestrationQueryPage(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);

/// <summary>A message quarantined because it could not be processed (visible to operators).</summary>
/// <param name="Id">The message id.</param>
/// <param name="Queue">The queue it came from.</param>
/// <param name="Reason">Why it was quarantined.</param>
/// <param name="QuarantinedAt">When.</param>
/// <param name="DequeueCount">How many times it had been delivered.</param>
/// <param name="Body">The raw message text (truncated to 30 000 characters).</param>
public sealed record QuarantinedMessage(string Id, string Queue, string Reason, DateTimeOffset QuarantinedAt, long DequeueCount, string Body);
