namespace Relief.FunctionsHost.Worker;

/// <summary>The worker process died or its stream dropped while a request to it was outstanding.
/// Invocations in flight fail with it, as under the Functions host; the host restarts the worker.</summary>
public sealed class WorkerLostException : Exception
{
    public WorkerLostException() : this("The worker process is not running.")
    {
    }

    public WorkerLostException(string message) : base(message)
    {
    }

    public WorkerLostException(string message, Exception inner) : base(message, inner)
    {
    }
}
