namespace Relief.Domain.Policies;

/// <summary>A problem in a policy file: which file, which parameter (JSON path) and what is wrong.</summary>
public sealed record PolicyLoadError(string File, string Parameter, string Message)
{
    public override string ToString() => $"{File}: {Parameter}: {Message}";
}

/// <summary>
/// A policy file could not be loaded (missing, malformed or contradictory parameters). Raised at
/// load time, never during a decision; the message names every file and parameter at fault.
/// </summary>
public sealed class PolicyLoadException : Exception
{
    /// <summary>Creates the exception from its errors.</summary>
    public PolicyLoadException(IReadOnlyList<PolicyLoadError> errors)
        : base("Policy file(s) failed to load:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public PolicyLoadException()
        : this([])
    {
    }

    public PolicyLoadException(string message)
        : base(message)
    {
        Errors = [];
    }

    public PolicyLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<PolicyLoadError> Errors { get; }
}
