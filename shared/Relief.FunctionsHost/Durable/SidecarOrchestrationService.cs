using DurableTask.Core;
using DurableTask.Core.History;

namespace Relief.FunctionsHost.Durable;

/// <summary>
/// The storage provider as the sidecar's dispatchers see it: every call goes to <paramref name="inner"/>,
/// except that history events of the sidecar's own subclasses are turned into the framework's base events
/// before they are stored. The sidecar (InProcessTestHost 0.2.3-preview.1) records a created sub-orchestration
/// as its own <c>GrpcSubOrchestrationInstanceCreatedEvent</c>, which the Azure Storage provider writes without
/// an event type and then cannot read back, so the parent orchestration would never run again.
/// It also does the sidecar's flow control: the sidecar's dispatcher, once at its maximum, looks again only every
/// 500 ms, which capped HelloSequence5 at 6.5 orchestrations/s. The sidecar is told there is no maximum, and a
/// <see cref="DispatchGate"/> per kind holds each fetch until fewer than <see cref="DispatchHeadroom"/> times the
/// function concurrency limit are locked, waking it the moment one is finished with. The host's work-item pump
/// enforces the function concurrency limits themselves.
/// </summary>
internal sealed class SidecarOrchestrationService(IOrchestrationService inner) : IOrchestrationService, IDisposable
{
    /// <summary>How many more work items may be locked than the functions run at once (the rest wait in the pump,
    /// so the next one is at hand the moment a function finishes).</summary>
    public const int DispatchHeadroom = 2;

    private readonly DispatchGate _orchestrations = new(inner.MaxConcurrentTaskOrchestrationWorkItems * DispatchHeadroom);
    private readonly DispatchGate _activities = new(inner.MaxConcurrentTaskActivityWorkItems * DispatchHeadroom);

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    /// <summary>No limit as the sidecar sees it: <see cref="DispatchGate"/> limits instead.</summary>
    public int MaxConcurrentTaskOrchestrationWorkItems => int.MaxValue;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    /// <summary>No limit as the sidecar sees it: <see cref="DispatchGate"/> limits instead.</summary>
    public int MaxConcurrentTaskActivityWorkItems => int.MaxValue;

    public Task StartAsync() => inner.StartAsync();

    public Task StopAsync() => inner.StopAsync();

    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        (await _orchestrations.FetchAsync(receiveTimeout, () => inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken), cancellationToken).ConfigureAwait(false))!;

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        Normalize(workItem.OrchestrationRuntimeState);
        if (!ReferenceEquals(newOrchestrationRuntimeState, workItem.OrchestrationRuntimeState)) Normalize(newOrchestrationRuntimeState);
        return inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    /// <summary>The sidecar releases every orchestration work item it fetched, whatever became of it: the slot frees here.</summary>
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        _orchestrations.FreeAfterAsync(workItem, () => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem));

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        (await _activities.FetchAsync(receiveTimeout, () => inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken), cancellationToken).ConfigureAwait(false))!;

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    /// <summary>An activity work item ends completed or abandoned (abandoned also when completing failed): the slot frees at the first.</summary>
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        _activities.FreeAfterAsync(workItem, () => inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage));

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) =>
        _activities.FreeAfterAsync(workItem, () => inner.AbandonTaskActivityWorkItemAsync(workItem));

    public void Dispose()
    {
        _orchestrations.Dispose();
        _activities.Dispose();
    }

    /// <summary>Replaces sidecar-specific event subclasses by the framework's own event in every list of the state.</summary>
    internal static void Normalize(OrchestrationRuntimeState? state)
    {
        if (state is null) return;
        Replace(state.Events);
        Replace(state.NewEvents);
        Replace(state.PastEvents);
    }

    private static void Replace(IList<HistoryEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is SubOrchestrationInstanceCreatedEvent created && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
            {
                events[i] = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                {
                    Name = created.Name,
                    Version = created.Version,
                    InstanceId = created.InstanceId,
                    Input = created.Input,
                    ClientSpanId = created.ClientSpanId,
                    Tags = created.Tags is { Count: > 0 } tags ? new Dictionary<string, string>(tags, StringComparer.Ordinal) : null,
                    Timestamp = created.Timestamp,
                    IsPlayed = created.IsPlayed,
                };
            }
        }
    }
}
