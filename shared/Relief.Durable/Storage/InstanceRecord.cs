using Azure;
using Azure.Data.Tables;
using DurableTask.Core;
using DurableTask.Core.History;
using Relief.Durable.Serialization;

namespace Relief.Durable.Storage;

/// <summary>
/// One instance as its row holds it (PartitionKey = instance id, RowKey empty): the status columns that queries
/// read, the history of the current generation (events as JSON split over properties), the pending start while
/// the instance has not run yet, and the ids of the last messages it consumed. The row's ETag is the commit
/// point: every episode is one ETag-checked write of this single entity.
/// </summary>
public sealed class InstanceRecord
{
    /// <summary>Ids of consumed messages kept for de-duplication.</summary>
    public const int ConsumedKept = 64;

    /// <summary>Most characters of history, input, output and custom status together (a row holds 1 MiB).</summary>
    public const int MaxRowText = 460_000;

    public required string InstanceId { get; init; }
    public string? ExecutionId { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? Version { get; set; }
    public OrchestrationStatus Status { get; set; }
    public DateTime CreatedTime { get; set; }
    public DateTime LastUpdatedTime { get; set; }
    public DateTime CompletedTime { get; set; }
    public string? Input { get; set; }
    public string? Output { get; set; }
    public string? CustomStatus { get; set; }
    public FailureDetails? FailureDetails { get; set; }
    public IDictionary<string, string>? Tags { get; set; }
    public ParentInstance? Parent { get; set; }
    public DateTime? ScheduledStartTime { get; set; }
    public int Partition { get; set; }

    /// <summary>The current generation's history; empty while Pending.</summary>
    public List<HistoryEvent> Events { get; set; } = [];

    /// <summary>The start message (JSON) while the instance is Pending: what a new owner starts it from.</summary>
    public string? StartMessage { get; set; }

    /// <summary>Ids of the last messages consumed (newest last).</summary>
    public List<string> Consumed { get; set; } = [];

    /// <summary>The ETag read or written last; default when the row does not exist yet.</summary>
    public ETag ETag { get; set; }

    /// <summary>True when the status is final.</summary>
    public bool IsTerminal => Status is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled;

    /// <summary>Records ids as consumed, keeping the newest <see cref="ConsumedKept"/>.</summary>
    public void AddConsumed(IEnumerable<string> ids)
    {
        Consumed.AddRange(ids);
        if (Consumed.Count > ConsumedKept) Consumed.RemoveRange(0, Consumed.Count - ConsumedKept);
    }

    /// <summary>The row.</summary>
    public TableEntity ToEntity()
    {
        var entity = new TableEntity(InstanceId, string.Empty)
        {
            ["Name"] = Name,
            ["Version"] = Version ?? string.Empty,
            ["ExecutionId"] = ExecutionId ?? string.Empty,
            ["Status"] = Status.ToString(),
            ["CreatedTime"] = Utc(CreatedTime),
            ["LastUpdatedTime"] = Utc(LastUpdatedTime),
            ["CompletedTime"] = Utc(CompletedTime),
            ["FailureDetails"] = FailureDetails is null ? string.Empty : DurableJson.Write(FailureDetails),
            ["Tags"] = Tags is { Count: > 0 } ? DurableJson.Write(new Dictionary<string, string>(Tags)) : string.Empty,
            ["Parent"] = Parent is null ? string.Empty : DurableJson.Write(Parent),
            ["ScheduledStartTime"] = ScheduledStartTime is { } s ? Utc(s) : null,
            ["Partition"] = Partition,
            ["Consumed"] = string.Join('\n', Consumed),
        };
        var history = Events.Count == 0 ? string.Empty : DurableJson.WriteEvents(Events);
        var total = history.Length + (Input?.Length ?? 0) + (Output?.Length ?? 0) + (CustomStatus?.Length ?? 0) + (StartMessage?.Length ?? 0);
        if (total > MaxRowText)
        {
            throw new InvalidOperationException(
                $"Instance {InstanceId}: history, input, output and custom status are {total:N0} characters together; this provider keeps an instance in one row of at most {MaxRowText:N0}. Pass large data by reference (a blob name) instead.");
        }

        // Rows are always written whole (insert or replace), so a shorter text leaves no stale chunks behind.
        SplitText.Write(entity, "History", history);
        SplitText.Write(entity, "Input", Input ?? string.Empty);
        SplitText.Write(entity, "Output", Output ?? string.Empty);
        SplitText.Write(entity, "Custom", CustomStatus ?? string.Empty);
        SplitText.Write(entity, "Start", StartMessage ?? string.Empty);
        return entity;
    }

    /// <summary>Reads a row.</summary>
    public static InstanceRecord FromEntity(TableEntity entity, bool withHistory = true)
    {
        var record = new InstanceRecord
        {
            InstanceId = entity.PartitionKey,
            Name = entity.GetString("Name") ?? string.Empty,
            Version = NullIfEmpty(entity.GetString("Version")),
            ExecutionId = NullIfEmpty(entity.GetString("ExecutionId")),
            Status = Enum.TryParse<OrchestrationStatus>(entity.GetString("Status"), out var status) ? status : OrchestrationStatus.Pending,
            CreatedTime = entity.GetDateTimeOffset("CreatedTime")?.UtcDateTime ?? default,
            LastUpdatedTime = entity.GetDateTimeOffset("LastUpdatedTime")?.UtcDateTime ?? default,
            CompletedTime = entity.GetDateTimeOffset("CompletedTime")?.UtcDateTime ?? default,
            FailureDetails = DurableJson.Read<FailureDetails>(entity.GetString("FailureDetails")),
            Tags = DurableJson.Read<Dictionary<string, string>>(entity.GetString("Tags")),
            Parent = DurableJson.Read<ParentInstance>(entity.GetString("Parent")),
            ScheduledStartTime = entity.GetDateTimeOffset("ScheduledStartTime")?.UtcDateTime,
            Partition = entity.GetInt32("Partition") ?? 0,
            Consumed = [.. (entity.GetString("Consumed") ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries)],
            ETag = entity.ETag,
        };
        record.Input = NullIfEmpty(SplitText.Read(entity, "Input"));
        record.Output = NullIfEmpty(SplitText.Read(entity, "Output"));
        record.CustomStatus = NullIfEmpty(SplitText.Read(entity, "Custom"));
        record.StartMessage = NullIfEmpty(SplitText.Read(entity, "Start"));
        var history = SplitText.Read(entity, "History");
        if (withHistory && !string.IsNullOrEmpty(history)) record.Events = DurableJson.ReadEvents(history);
        return record;
    }

    /// <summary>The framework's view of the instance.</summary>
    public OrchestrationState ToState(bool withInputsAndOutputs = true) => new()
    {
        OrchestrationInstance = new OrchestrationInstance { InstanceId = InstanceId, ExecutionId = ExecutionId },
        Name = Name,
        Version = Version,
        OrchestrationStatus = Status,
        CreatedTime = CreatedTime,
        LastUpdatedTime = LastUpdatedTime,
        CompletedTime = CompletedTime,
        Input = withInputsAndOutputs ? Input : null,
        Output = withInputsAndOutputs ? Output : null,
        Status = CustomStatus,
        FailureDetails = withInputsAndOutputs ? FailureDetails : null,
        Tags = Tags ?? new Dictionary<string, string>(),
        ParentInstance = Parent,
        ScheduledStartTime = ScheduledStartTime,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static DateTimeOffset Utc(DateTime value) =>
        value <= DateTime.MinValue.AddDays(1) ? new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero)
        : value >= DateTime.MaxValue.AddDays(-1) ? new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero)
        : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
