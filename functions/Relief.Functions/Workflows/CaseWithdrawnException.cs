namespace Relief.Functions.Workflows;

/// <summary>
/// Thrown inside <see cref="CaseRun"/> once a withdrawal (撤回) has been recorded, to leave whatever step the case was
/// waiting in; <see cref="CaseOrchestrator"/> catches it and completes the orchestration as withdrawn. Never escapes the
/// orchestrator.
/// </summary>
internal sealed class CaseWithdrawnException : Exception
{
    public CaseWithdrawnException()
        : base("The case was withdrawn by the applicant.")
    {
    }

    public CaseWithdrawnException(string message)
        : base(message)
    {
    }

    public CaseWithdrawnException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
