using Azure.Data.Tables;
using DurableTask.Core;
using DurableTask.Core.History;
using Relief.Durable.Dispatch;
using Relief.Durable.Serialization;
using Relief.Durable.Storage;

namespace Relief.Durable;

public sealed partial class LeanOrchestrationService
{
    /// <summary>
    /// What a new owner of a partition re-arms from the rows of its unfinished instances — the work that lived only in
    /// the memory of the previous owner: starts not yet run, activities scheduled without a result, timers not fired.
    /// One query over the partition's unfinished instances; activities cut off by a crash run again (at least once).
    /// </summary>
    private async Task TakeOverAsync(int partition, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"Partition eq {partition} and Status ne {"Completed"} and Status ne {"Failed"} and Status ne {"Terminated"} and Status ne {"Canceled"}");
        int instances = 0, starts = 0, activities = 0, timers = 0;
        try
        {
            await foreach (var entity in _storage.Instances.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                instances++;
                var record = InstanceRecord.FromEntity(entity);
                if (record.Events.Count == 0)
                {
                    if (record.StartMessage is { } start)
                    {
                        var message = DurableJson.ReadMessage(start);
                        Deliver(new InboundMessage("start|" + message.OrchestrationInstance.ExecutionId, message, null));
                        starts++;
                    }

                    continue;
                }

                var slot = _slots.GetOrAdd(record.InstanceId, id => new InstanceSlot(id, partition));
                lock (slot) if (!slot.Locked && slot.Cached is null) slot.Cached = record;
                var instance = new OrchestrationInstance { InstanceId = record.InstanceId, ExecutionId = record.ExecutionId };
                var done = new HashSet<int>();
                var fired = new HashSet<int>();
                foreach (var e in record.Events)
                {
                    if (e is TaskCompletedEvent c) done.Add(c.TaskScheduledId);
                    else if (e is TaskFailedEvent f) done.Add(f.TaskScheduledId);
                    else if (e is TimerFiredEvent t) fired.Add(t.TimerId);
                }

                foreach (var e in record.Events)
                {
                    if (e is TaskScheduledEvent s && !done.Contains(s.EventId))
                    {
                        DispatchActivity(new TaskMessage { Event = s, OrchestrationInstance = instance });
                        activities++;
                    }
                    else if (e is TimerCreatedEvent tc && !fired.Contains(tc.EventId))
                    {
                        ArmTimer(new TaskMessage { Event = new TimerFiredEvent(-1, tc.FireAt) { TimerId = tc.EventId }, OrchestrationInstance = instance });
                        timers++;
                    }
                }
            }

            Logs.TakenOver(_logger, partition, starts, activities, timers, instances);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The partition was left again.
        }
    }
}
