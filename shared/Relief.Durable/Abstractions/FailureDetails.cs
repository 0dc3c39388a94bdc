namespace Relief.Durable;

/// <summary>A serialisable description of a failure (activity, sub-orchestration or orchestration).</summary>
/// <param name="ErrorType">The full name of the exception type.</param>
/// <param name="ErrorMessage">The exception message.</param>
/// <param name="StackTrace">The stack trace, when known.</param>
/// <param name="InnerFailure">The inner failure, when there was one.</param>
public sealed record FailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, FailureDetails? InnerFailure = null)
{
    /// <summary>Describes an exception.</summary>
    public static FailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is TaskFailedException failed) return failed.FailureDetails;
        return new FailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException));
    }

    /// <summary>True if the failure is of <typeparamref name="TException"/> (by type name; base types are not checked).</summary>
    public bool IsCausedBy<TException>() where TException : Exception =>
        string.Equals(ErrorType, typeof(TException).FullName, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
