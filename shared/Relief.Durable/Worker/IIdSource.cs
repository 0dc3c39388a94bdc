namespace Relief.Durable.Worker;

/// <summary>Random ids for messages and executions (outside orchestrator code, which uses its context).</summary>
public interface IIdSource
{
    /// <summary>A new unique id (32 hex characters).</summary>
    string NewId();
}

/// <summary>The default id source: random GUIDs.</summary>
public sealed class GuidIdSource : IIdSource
{
    /// <inheritdoc />
    public string NewId()
    {
#pragma warning disable RS0030 // The one sanctioned use of Guid.NewGuid: the engine's id source (message and execution ids are not replayed).
        return Guid.NewGuid().ToString("N");
#pragma warning restore RS0030
    }
}
