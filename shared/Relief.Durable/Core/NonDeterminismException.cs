namespace Relief.Durable.Core;

/// <summary>The orchestrator code no longer produces the actions recorded in its history.</summary>
public sealed class NonDeterminismException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonDeterminismException(string message) : base(message) { }
    /// <summary>Creates the exception.</summary>
    public NonDeterminismException() : base("Non-deterministic orchestration.") { }
    /// <summary>Creates the exception.</summary>
    public NonDeterminismException(string message, Exception innerException) : base(message, innerException) { }
}
