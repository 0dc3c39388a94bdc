namespace Relief.Durable;

/// <summary>Thrown into an orchestrator when an activity or sub-orchestration it awaited failed.</summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TaskFailedException(string taskName, int taskId, FailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed: {failureDetails?.ErrorType}: {failureDetails?.ErrorMessage}")
    {
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails ?? throw new ArgumentNullException(nameof(failureDetails));
    }

    /// <summary>Creates the exception (serialisation-friendly constructor).</summary>
    public TaskFailedException() : this("unknown", -1, new FailureDetails("Unknown", "Unknown failure")) { }

    /// <summary>Creates the exception with a message.</summary>
    public TaskFailedException(string message) : this("unknown", -1, new FailureDetails("Unknown", message)) { }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public TaskFailedException(string message, Exception innerException) : base(message, innerException)
    {
        TaskName = "unknown";
        FailureDetails = FailureDetails.FromException(innerException);
    }

    /// <summary>The activity or orchestrator name.</summary>
    public string TaskName { get; } = "unknown";

    /// <summary>The task's sequence id in the orchestration.</summary>
    public int TaskId { get; } = -1;

    /// <summary>What went wrong in the task.</summary>
    public FailureDetails FailureDetails { get; }
}
