using Relief.FunctionsHost.Metadata;

namespace Relief.FunctionsHost.Worker;

/// <summary>A running, initialised worker with its functions loaded.</summary>
internal sealed class WorkerSession(WorkerProcess process, WorkerChannel channel, Uri? httpUri, IReadOnlyDictionary<string, string> functionIds)
{
    public WorkerProcess Process { get; } = process;

    public WorkerChannel Channel { get; } = channel;

    /// <summary>The worker's own HTTP server (its <c>HttpUri</c> capability), for HTTP triggers.</summary>
    public Uri? HttpUri { get; } = httpUri;

    /// <summary>The id under which <paramref name="function"/> is loaded in this worker.</summary>
    public string FunctionId(FunctionDescriptor function) =>
        functionIds.TryGetValue(function.Name, out var id) ? id : throw new InvalidOperationException($"Function '{function.Name}' is not loaded in this worker.");
}
