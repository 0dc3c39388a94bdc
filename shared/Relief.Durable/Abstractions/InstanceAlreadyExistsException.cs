namespace Relief.Durable;

/// <summary>Thrown when a client schedules an orchestration with an instance id that is already in use.</summary>
public sealed class InstanceAlreadyExistsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public InstanceAlreadyExistsException(string instanceId)
        : base($"An orchestration instance with id '{instanceId}' already exists. Purge it first or use another id.")
    {
        InstanceId = instanceId;
    }

    /// <summary>Creates the exception.</summary>
    public InstanceAlreadyExistsException() : this("unknown") { }

    /// <summary>Creates the exception.</summary>
    public InstanceAlreadyExistsException(string message, Exception innerException) : base(message, innerException) { InstanceId = "unknown"; }

    /// <summary>The instance id that conflicted.</summary>
    public string InstanceId { get; }
}
