using Microsoft.Extensions.Logging;
using Relief.Durable.Core;
using Relief.Durable.Storage;

namespace Relief.Durable.Worker;

/// <summary>What the worker's parts share.</summary>
internal sealed class WorkerServices
{
    public required DurableTaskOptions Options { get; init; }
    public required DurableStorage Storage { get; init; }
    public required HistoryStore History { get; init; }
    public required InstanceIndexStore Index { get; init; }
    public required TimerStore Timers { get; init; }
    public required QuarantineStore Quarantine { get; init; }
    public required DurableTaskRegistry Registry { get; init; }
    public required OrchestrationExecutor Executor { get; init; }
    public required TimeProvider Time { get; init; }
    public required InfrastructureClock Clock { get; init; }
    public required IIdSource Ids { get; init; }
    public required ILogger Logger { get; init; }
    public required ActivityDispatcher Dispatcher { get; init; }
    public required string HostId { get; init; }
    public IEpisodeObserver? Observer { get; init; }
    public required SemaphoreSlim EpisodeSlots { get; init; }
    public CancellationToken Stopping { get; set; }
}
