using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Relief.Durable.Core;
using Relief.Durable.Storage;
using Relief.Durable.Worker;

namespace Relief.Durable;

/// <summary>
/// Starts, signals, inspects and manages orchestration instances of one task hub. Thread-safe; register
/// as a singleton (AddDurableTask does).
/// </summary>
public sealed class DurableTaskClient
{
    private readonly DurableStorage _storage;
    private readonly HistoryStore _history;
    private readonly InstanceIndexStore _index;
    private readonly TimeProvider _time;
    private readonly InfrastructureClock _clock;
    private readonly IIdSource _ids;

    /// <summary>Creates the client (used by dependency injection).</summary>
    public DurableTaskClient(IOptions<DurableTaskOptions> options, DurableStorage storage, TimeProvider time, InfrastructureClock clock, IIdSource ids)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _history = new HistoryStore(storage);
        _index = new InstanceIndexStore(storage);
        _time = time;
        _clock = clock;
        _ids = ids;
    }

    /// <summary>The storage request counters shared with the worker of this process.</summary>
    public Metrics.StorageRequestMetrics StorageMetrics => _storage.Metrics;

    /// <summary>
    /// Schedules a new instance. Throws <see cref="InstanceAlreadyExistsException"/> when the instance id is
    /// already in use (whatever its status; purge a finished instance to reuse its id).
    /// </summary>
    /// <returns>The instance id.</returns>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(string name, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var instanceId = options?.InstanceId ?? _ids.NewId();
        InstanceIds.Validate(instanceId);
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var executionId = _ids.NewId();
        var now = _time.GetUtcNow();
        var json = JsonData.Serialize(input);
        // The index row first: it is the conflict check and the durable record of the start. Then the start is handed
        // to this process's worker when it owns the instance's partition (no queue message), else sent to the
        // control queue. If either hand-over is lost (this process dies in between, or the partition moves), the
        // partition owner starts the instance from the row (PendingStartSweeper, or the scan at take-over).
        await _index.InsertPendingAsync(instanceId, name, options?.Version, executionId, json, now, cancellationToken).ConfigureAwait(false);
        var start = new HistoryEvent
        {
            Type = HistoryEventType.ExecutionStarted, Name = name, Version = options?.Version, Input = json,
            ExecutionId = executionId, Timestamp = now.UtcDateTime,
        };
        if (_storage.StartInProcess?.Invoke(instanceId, start) == true)
        {
            FaultInjection.Hit(FaultInjection.AfterInProcessStart);
            return instanceId;
        }
        await _storage.SendAsync(_storage.ControlQueueFor(instanceId), new TaskMessage
        {
            Id = "start-" + executionId,
            InstanceId = instanceId,
            ExecutionId = executionId,
            Event = start,
        }, cancellationToken).ConfigureAwait(false);
        return instanceId;
    }

    /// <summary>Sends an external event to an instance (buffered by the instance until it waits for it).</summary>
    public Task RaiseEventAsync(string instanceId, string eventName, object? eventData = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return SendControlAsync(instanceId, new HistoryEvent { Type = HistoryEventType.EventRaised, Name = eventName, Input = JsonData.Serialize(eventData) }, cancellationToken);
    }

    /// <summary>
    /// Terminates a running or suspended instance, and with it the sub-orchestrations it started that are still
    /// running (recursively), with the same reason.
    /// </summary>
    public Task TerminateInstanceAsync(string instanceId, object? reason = null, CancellationToken cancellationToken = default) =>
        SendControlAsync(instanceId, new HistoryEvent { Type = HistoryEventType.ExecutionTerminated, Result = JsonData.Serialize(reason) }, cancellationToken);

    /// <summary>Suspends an instance: events and results are kept, and applied after resume.</summary>
    public Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendControlAsync(instanceId, new HistoryEvent { Type = HistoryEventType.ExecutionSuspended, Result = JsonData.Serialize(reason) }, cancellationToken);

    /// <summary>Resumes a suspended instance.</summary>
    public Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendControlAsync(instanceId, new HistoryEvent { Type = HistoryEventType.ExecutionResumed, Result = JsonData.Serialize(reason) }, cancellationToken);

    /// <summary>Reads an instance's state; null when it does not exist. The history state row is authoritative.</summary>
    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId);
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var state = await _history.LoadStateRowAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (state is not null) return await ToMetadataAsync(state, getInputsAndOutputs, cancellationToken).ConfigureAwait(false);
        var row = await _index.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : await ToMetadataAsync(row, getInputsAndOutputs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The committed history of the current execution (diagnostics and tests).</summary>
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId);
        var state = await _history.LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return state.History;
    }

    /// <summary>
    /// Queries instances by status, creation time, name and id prefix, one page at a time. A page may hold
    /// fewer than <see cref="OrchestrationQuery.PageSize"/> instances; continue while a token is returned.
    /// </summary>
    public async Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(query), "PageSize must be 1–1000.");
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var filters = new List<string>();
        // The index does not record Pending -> Running (it saves a write per instance); Pending rows are
        // confirmed against the authoritative state row below, so a Running filter also reads Pending rows.
        var wanted = query.Statuses is { Count: > 0 } requested ? requested.ToHashSet() : null;
        if (wanted is not null)
        {
            var stored = wanted.Contains(OrchestrationRuntimeStatus.Running) ? wanted.Append(OrchestrationRuntimeStatus.Pending).Distinct() : wanted;
            filters.Add("(" + string.Join(" or ", stored.Select(s => TableClient.CreateQueryFilter($"RuntimeStatus eq {s.ToString()}"))) + ")");
        }
        if (query.CreatedFrom is { } from) filters.Add(TableClient.CreateQueryFilter($"CreatedAt ge {from}"));
        if (query.CreatedTo is { } to) filters.Add(TableClient.CreateQueryFilter($"CreatedAt lt {to}"));
        if (query.Name is { } name) filters.Add(TableClient.CreateQueryFilter($"Name eq {name}"));
        if (query.InstanceIdPrefix is { Length: > 0 } prefix)
            filters.Add(TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + '\uffff'}"));
        var filter = filters.Count == 0 ? null : string.Join(" and ", filters);

        var pages = _storage.Instances.QueryAsync<TableEntity>(filter, query.PageSize, cancellationToken: cancellationToken)
            .AsPages(query.ContinuationToken, query.PageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            var list = new List<OrchestrationMetadata>();
            foreach (var row in page.Values)
            {
                var metadata = await ToMetadataAsync(row, query.FetchInputsAndOutputs, cancellationToken).ConfigureAwait(false);
                if (metadata.RuntimeStatus == OrchestrationRuntimeStatus.Pending
                    && await _history.LoadStateRowAsync(row.PartitionKey, cancellationToken).ConfigureAwait(false) is { } state)
                {
                    metadata = await ToMetadataAsync(state, query.FetchInputsAndOutputs, cancellationToken).ConfigureAwait(false);
                }
                if (wanted is null || wanted.Contains(metadata.RuntimeStatus)) list.Add(metadata);
            }
            return new OrchestrationQueryPage(list, page.ContinuationToken);
        }
        return new OrchestrationQueryPage([], null);
    }

    /// <summary>Deletes a finished instance's history, index row and blobs. Returns false when it does not exist.</summary>
    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var metadata = await GetInstanceAsync(instanceId, false, cancellationToken).ConfigureAwait(false);
        if (metadata is null) return false;
        if (!metadata.IsCompleted)
            throw new InvalidOperationException($"Instance '{instanceId}' is {metadata.RuntimeStatus}; only finished instances can be purged.");
        await _history.DeleteAsync(instanceId, cancellationToken).ConfigureAwait(false);
        try
        {
            await _index.DeleteAsync(instanceId, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
        }
        await _storage.DeleteInstanceBlobsAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Waits until the instance is Completed, Failed or Terminated (polling; cancel to stop waiting).</summary>
    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = true, CancellationToken cancellationToken = default)
    {
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var metadata = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken).ConfigureAwait(false);
            if (metadata is { IsCompleted: true }) return metadata;
            await Task.Delay(delay, _clock.Time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(1000, delay.TotalMilliseconds * 1.5));
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the instance's state (polling).</summary>
    public async Task<OrchestrationMetadata> WaitForInstanceAsync(string instanceId, Func<OrchestrationMetadata, bool> condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var metadata = await GetInstanceAsync(instanceId, true, cancellationToken).ConfigureAwait(false);
            if (metadata is not null && condition(metadata)) return metadata;
            await Task.Delay(delay, _clock.Time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(500, delay.TotalMilliseconds * 1.5));
        }
    }

    /// <summary>Poison messages set aside by the workers, with the reason.</summary>
    public async Task<IReadOnlyList<QuarantinedMessage>> GetQuarantinedMessagesAsync(CancellationToken cancellationToken = default)
    {
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await new QuarantineStore(_storage).ListAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SendControlAsync(string instanceId, HistoryEvent e, CancellationToken cancellationToken)
    {
        InstanceIds.Validate(instanceId);
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        e.Timestamp = _time.GetUtcNow().UtcDateTime;
        await _storage.SendAsync(_storage.ControlQueueFor(instanceId), new TaskMessage { Id = _ids.NewId(), InstanceId = instanceId, Event = e }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<OrchestrationMetadata> ToMetadataAsync(InstanceState state, bool withData, CancellationToken cancellationToken) => new()
    {
        InstanceId = state.InstanceId,
        Name = state.Name ?? string.Empty,
        Version = state.Version,
        ExecutionId = state.ExecutionId,
        RuntimeStatus = state.Status,
        CreatedAt = state.CreatedAt,
        LastUpdatedAt = state.LastUpdatedAt,
        SerializedInput = withData ? await _storage.LoadLargeAsync(state.Input, cancellationToken).ConfigureAwait(false) : null,
        SerializedOutput = withData ? await _storage.LoadLargeAsync(state.Output, cancellationToken).ConfigureAwait(false) : null,
        SerializedCustomStatus = await _storage.LoadLargeAsync(state.CustomStatus, cancellationToken).ConfigureAwait(false),
        FailureDetails = state.Failure,
    };

    private async Task<OrchestrationMetadata> ToMetadataAsync(TableEntity row, bool withData, CancellationToken cancellationToken) => new()
    {
        InstanceId = row.PartitionKey,
        Name = row.GetString("Name") ?? string.Empty,
        Version = row.GetString("Version"),
        ExecutionId = row.GetString("ExecutionId"),
        RuntimeStatus = Enum.TryParse<OrchestrationRuntimeStatus>(row.GetString("RuntimeStatus"), out var s) ? s : OrchestrationRuntimeStatus.Pending,
        CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
        LastUpdatedAt = row.GetDateTimeOffset("LastUpdatedAt") ?? default,
        SerializedInput = withData ? await _storage.LoadLargeAsync(row.GetString("Input"), cancellationToken).ConfigureAwait(false) : null,
        SerializedOutput = withData ? await _storage.LoadLargeAsync(row.GetString("Output"), cancellationToken).ConfigureAwait(false) : null,
        SerializedCustomStatus = await _storage.LoadLargeAsync(row.GetString("CustomStatus"), cancellationToken).ConfigureAwait(false),
        FailureDetails = JsonData.Deserialize<FailureDetails>(row.GetString("Failure")),
    };
}
