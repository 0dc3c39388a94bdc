using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using Relief.Durable.Dispatch;
using Relief.Durable.Serialization;
using Relief.Durable.Storage;

namespace Relief.Durable;

public sealed partial class LeanOrchestrationService
{
    private static readonly TimeSpan WaitPollInterval = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => CreateTaskOrchestrationAsync(creationMessage, null!);

    /// <summary>
    /// Writes the instance's row as Pending with its start message — the id's conflict check and the durable record
    /// of the start — then hands the start over in memory when this host serves the partition, else through the
    /// partition's control queue. A start lost in between is found in the row by the partition's next owner.
    /// </summary>
    public async Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses)
    {
        ArgumentNullException.ThrowIfNull(creationMessage);
        var start = creationMessage.Event as ExecutionStartedEvent ?? throw new ArgumentException("A creation message carries an ExecutionStartedEvent.", nameof(creationMessage));
        var instance = creationMessage.OrchestrationInstance;
        var now = _time.GetUtcNow().UtcDateTime;
        var record = new InstanceRecord
        {
            InstanceId = instance.InstanceId,
            ExecutionId = instance.ExecutionId,
            Name = start.Name,
            Version = start.Version,
            Status = OrchestrationStatus.Pending,
            CreatedTime = now,
            LastUpdatedTime = now,
            Input = start.Input,
            Tags = start.Tags,
            Parent = start.ParentInstance,
            ScheduledStartTime = start.ScheduledStartTime,
            Partition = PartitionOf(instance.InstanceId),
            StartMessage = DurableJson.WriteMessage(creationMessage),
        };
        var entity = record.ToEntity();
        while (true)
        {
            try
            {
                var added = await _storage.Instances.AddEntityAsync(entity).ConfigureAwait(false);
                record.ETag = added.Headers.ETag ?? default;
                break;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                var existing = await LoadAsync(instance.InstanceId, withHistory: false, CancellationToken.None).ConfigureAwait(false);
                if (existing is null) continue;
                if (dedupeStatuses is not null && dedupeStatuses.Contains(existing.Status))
                {
                    throw new OrchestrationAlreadyExistsException($"An orchestration with id '{instance.InstanceId}' already exists ({existing.Status}).");
                }

                try
                {
                    var replaced = await _storage.Instances.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace).ConfigureAwait(false);
                    record.ETag = replaced.Headers.ETag ?? default;
                    if (_slots.TryGetValue(instance.InstanceId, out var slot)) lock (slot) slot.Cached = null;
                    break;
                }
                catch (RequestFailedException again) when (HubStorage.IsConflict(again) || HubStorage.IsNotFound(again))
                {
                    // Changed meanwhile: look again.
                }
            }
        }

        FaultInjection.Hit(FaultInjection.AfterStartRow);
        if (_leases.Owns(record.Partition) && record.ETag != default && _options.InstanceCacheSize > 0)
        {
            // The row just written is what the first episode would read: keep it (saves that read).
            var slot = _slots.GetOrAdd(instance.InstanceId, id => new InstanceSlot(id, record.Partition));
            lock (slot) if (!slot.Locked && !slot.Removed) slot.Cached = record;
        }

        await DeliverOrSendAsync("start|" + instance.ExecutionId, creationMessage, CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task SendTaskOrchestrationMessageAsync(TaskMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Event is ExecutionStartedEvent
            ? CreateTaskOrchestrationAsync(message)
            : SendAsync(NewMessageId(), message, CancellationToken.None);
    }

    /// <inheritdoc />
    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) =>
        Task.WhenAll((messages ?? []).Select(SendTaskOrchestrationMessageAsync));

    /// <inheritdoc />
    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) =>
        SendAsync(NewMessageId(), new TaskMessage
        {
            Event = new ExecutionTerminatedEvent(-1, reason),
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
        }, CancellationToken.None);

    /// <inheritdoc />
    public async Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions)
    {
        var record = await LoadAsync(instanceId, withHistory: false, CancellationToken.None).ConfigureAwait(false);
        return record is null ? [] : [record.ToState()];
    }

    /// <inheritdoc />
    public async Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId)
    {
        var record = await LoadAsync(instanceId, withHistory: false, CancellationToken.None).ConfigureAwait(false);
        if (record is null || (!string.IsNullOrEmpty(executionId) && record.ExecutionId != executionId)) return null!;
        return record.ToState();
    }

    /// <inheritdoc />
    public async Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId)
    {
        var record = await LoadAsync(instanceId, withHistory: true, CancellationToken.None).ConfigureAwait(false);
        if (record is null || (!string.IsNullOrEmpty(executionId) && record.ExecutionId != executionId)) return "[]";
        return DurableJson.WriteEvents(record.Events);
    }

    /// <summary>
    /// Waits for the instance to end: told at once by this host's commit when it serves the instance, and reading the
    /// row every 5 s otherwise. Returns null at the timeout.
    /// </summary>
    public async Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<OrchestrationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        List<TaskCompletionSource<OrchestrationState>> list;
        while (true)
        {
            list = _waiters.GetOrAdd(instanceId, _ => []);
            lock (list)
            {
                // A list just removed by the last waiter's clean-up is not used again.
                if (!_waiters.TryGetValue(instanceId, out var current) || !ReferenceEquals(current, list)) continue;
                list.Add(waiter);
                break;
            }
        }
        try
        {
            var deadline = timeout == Timeout.InfiniteTimeSpan || timeout == TimeSpan.MaxValue ? DateTime.MaxValue : _time.GetUtcNow().UtcDateTime + timeout;
            while (true)
            {
                var state = await GetOrchestrationStateAsync(instanceId, executionId).ConfigureAwait(false);
                if (state is not null && IsFinal(state.OrchestrationStatus)) return state;
                var now = _time.GetUtcNow().UtcDateTime;
                if (now >= deadline) return null!;
                var pause = deadline - now < WaitPollInterval ? deadline - now : WaitPollInterval;
                var told = await Task.WhenAny(waiter.Task, Task.Delay(pause, _time, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (told == waiter.Task && (string.IsNullOrEmpty(executionId) || waiter.Task.Result.OrchestrationInstance.ExecutionId == executionId)) return waiter.Task.Result;
            }
        }
        finally
        {
            lock (list)
            {
                list.Remove(waiter);
                // Forget the instance's entry once nobody waits (a waiter racing in re-creates it).
                if (list.Count == 0) _waiters.TryRemove(new KeyValuePair<string, List<TaskCompletionSource<OrchestrationState>>>(instanceId, list));
            }
        }
    }

    private void Notify(InstanceRecord record)
    {
        if (!_waiters.TryGetValue(record.InstanceId, out var list)) return;
        TaskCompletionSource<OrchestrationState>[] waiting;
        lock (list) waiting = [.. list];
        if (waiting.Length == 0) return;
        var state = record.ToState();
        foreach (var waiter in waiting) waiter.TrySetResult(state);
    }

    private static bool IsFinal(OrchestrationStatus status) =>
        status is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled;

    /// <inheritdoc />
    public async Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = Filter(query.RuntimeStatus, query.CreatedTimeFrom, query.CreatedTimeTo, query.InstanceIdPrefix);
        var pageSize = query.PageSize is > 0 and <= 1000 ? query.PageSize : 100;
        var pages = _storage.Instances.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(query.ContinuationToken, pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            var states = page.Values.Select(e => InstanceRecord.FromEntity(e, withHistory: false).ToState(query.FetchInputsAndOutputs)).ToList();
            return new OrchestrationQueryResult(states, page.ContinuationToken);
        }

        return new OrchestrationQueryResult([], null);
    }

    /// <inheritdoc />
    public async Task<PurgeResult> PurgeInstanceStateAsync(string instanceId)
    {
        var record = await LoadAsync(instanceId, withHistory: false, CancellationToken.None).ConfigureAwait(false);
        if (record is null || !record.IsTerminal) return new PurgeResult(0);
        try
        {
            await _storage.Instances.DeleteEntityAsync(instanceId, string.Empty, record.ETag).ConfigureAwait(false);
            return new PurgeResult(1);
        }
        catch (RequestFailedException ex) when (HubStorage.IsConflict(ex) || HubStorage.IsNotFound(ex))
        {
            return new PurgeResult(0);
        }
    }

    /// <inheritdoc />
    public async Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter)
    {
        ArgumentNullException.ThrowIfNull(purgeInstanceFilter);
        var statuses = purgeInstanceFilter.RuntimeStatus?.Where(IsFinal).ToList();
        if (statuses is null || statuses.Count == 0) statuses = [OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated, OrchestrationStatus.Canceled];
        var filter = Filter(statuses, purgeInstanceFilter.CreatedTimeFrom, purgeInstanceFilter.CreatedTimeTo, null);
        var deleted = 0;
        await foreach (var entity in _storage.Instances.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Status"]).ConfigureAwait(false))
        {
            try
            {
                await _storage.Instances.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag).ConfigureAwait(false);
                deleted++;
            }
            catch (RequestFailedException ex) when (HubStorage.IsConflict(ex) || HubStorage.IsNotFound(ex))
            {
                // Changed or gone meanwhile.
            }
        }

        return new PurgeResult(deleted, isComplete: true);
    }

    /// <inheritdoc />
    public async Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType)
    {
        var column = timeRangeFilterType switch
        {
            OrchestrationStateTimeRangeFilterType.OrchestrationCompletedTimeFilter => "CompletedTime",
            OrchestrationStateTimeRangeFilterType.OrchestrationLastUpdatedTimeFilter => "LastUpdatedTime",
            _ => "CreatedTime",
        };
        var final = Filter([OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated, OrchestrationStatus.Canceled], null, null, null);
        var filter = $"({final}) and {TableClient.CreateQueryFilter($"{column} lt {new DateTimeOffset(DateTime.SpecifyKind(thresholdDateTimeUtc, DateTimeKind.Utc))}")}";
        await foreach (var entity in _storage.Instances.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"]).ConfigureAwait(false))
        {
            try
            {
                await _storage.Instances.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (HubStorage.IsConflict(ex) || HubStorage.IsNotFound(ex))
            {
                // Changed or gone meanwhile.
            }
        }
    }

    private static string? Filter(IEnumerable<OrchestrationStatus>? statuses, DateTime? from, DateTime? to, string? prefix)
    {
        var parts = new List<string>();
        var list = statuses?.Distinct().ToList();
        if (list is { Count: > 0 }) parts.Add("(" + string.Join(" or ", list.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}"))) + ")");
        if (from is { } f && f > DateTime.MinValue) parts.Add(TableClient.CreateQueryFilter($"CreatedTime ge {new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc))}"));
        if (to is { } t && t < DateTime.MaxValue) parts.Add(TableClient.CreateQueryFilter($"CreatedTime le {new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc))}"));
        if (!string.IsNullOrEmpty(prefix))
        {
            var next = prefix[..^1] + (char)(prefix[^1] + 1);
            parts.Add(TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {next}"));
        }

        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    // Message ids of client messages: unique, never replayed (the orchestrations' own ids are deterministic).
    private static string NewMessageId() => RandomNumberGenerator.GetHexString(24, lowercase: true);
}
