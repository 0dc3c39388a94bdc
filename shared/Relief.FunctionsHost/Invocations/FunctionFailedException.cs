namespace Relief.FunctionsHost.Invocations;

/// <summary>The function ran and failed (the worker answered with a Failure status).</summary>
public sealed class FunctionFailedException : Exception
{
    public FunctionFailedException() : this("The function failed.", null, null)
    {
    }

    public FunctionFailedException(string message) : this(message, null, null)
    {
    }

    public FunctionFailedException(string message, Exception inner) : base(message, inner)
    {
    }

    public FunctionFailedException(string message, string? errorType, string? stackTrace) : base(message)
    {
        ErrorType = errorType;
        WorkerStackTrace = stackTrace;
    }

    /// <summary>The .NET type of the exception in the worker.</summary>
    public string? ErrorType { get; }

    /// <summary>The stack trace in the worker.</summary>
    public string? WorkerStackTrace { get; }
}
