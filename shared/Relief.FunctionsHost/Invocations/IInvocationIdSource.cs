namespace Relief.FunctionsHost.Invocations;

/// <summary>Source of invocation ids (injected so tests can make them predictable).</summary>
public interface IInvocationIdSource
{
    /// <summary>A new unique id.</summary>
    string NextId();
}

/// <summary>Default ids: version 7 GUIDs (time-ordered) stamped from the injected <see cref="TimeProvider"/>.</summary>
internal sealed class TimeOrderedInvocationIdSource(TimeProvider time) : IInvocationIdSource
{
    public string NextId() => Guid.CreateVersion7(time.GetUtcNow()).ToString("D");
}
