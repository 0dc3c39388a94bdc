using DurableTask.Core;
using DurableTask.Core.History;
using Relief.Durable.Storage;

namespace Relief.Durable.Dispatch;

/// <summary>What to do with a message delivered to an instance.</summary>
internal enum Verdict
{
    /// <summary>Give it to the orchestration.</summary>
    Apply,

    /// <summary>Consume it without effect (a duplicate, a late result, a message for an ended or other execution).</summary>
    Drop,

    /// <summary>Keep it for later: its instance has not started yet.</summary>
    Defer,
}

/// <summary>
/// De-duplication and ordering rules applied before an episode: at-least-once delivery (a queue message seen
/// again after a crash, an activity re-run on a new owner) must never reach the orchestration twice.
/// </summary>
internal static class MessageFilter
{
    /// <summary>Judges each message against the stored instance (null: no row).</summary>
    public static List<(InboundMessage Message, Verdict Verdict, string Reason)> Judge(InstanceRecord? record, IReadOnlyList<InboundMessage> messages)
    {
        var completedTasks = new HashSet<int>();
        var scheduledTasks = new HashSet<int>();
        var firedTimers = new HashSet<int>();
        var subOrchestrations = new HashSet<int>();
        foreach (var e in record?.Events ?? [])
        {
            switch (e)
            {
                case TaskScheduledEvent s: scheduledTasks.Add(s.EventId); break;
                case SubOrchestrationInstanceCreatedEvent s: subOrchestrations.Add(s.EventId); break;
                case TaskCompletedEvent c: completedTasks.Add(c.TaskScheduledId); break;
                case TaskFailedEvent f: completedTasks.Add(f.TaskScheduledId); break;
                case SubOrchestrationInstanceCompletedEvent c: completedTasks.Add(c.TaskScheduledId); break;
                case SubOrchestrationInstanceFailedEvent f: completedTasks.Add(f.TaskScheduledId); break;
                case TimerFiredEvent t: firedTimers.Add(t.TimerId); break;
            }
        }

        var consumed = new HashSet<string>(record?.Consumed ?? [], StringComparer.Ordinal);
        var started = record is { Events.Count: > 0 };
        var startAccepted = false;
        var result = new List<(InboundMessage, Verdict, string)>(messages.Count);
        foreach (var message in messages.OrderBy(m => m.Message.Event is ExecutionStartedEvent ? 0 : 1))
        {
            var (verdict, reason) = JudgeOne(message);
            if (verdict == Verdict.Apply) consumed.Add(message.Id);
            result.Add((message, verdict, reason));
        }

        return result;

        (Verdict, string) JudgeOne(InboundMessage inbound)
        {
            var e = inbound.Message.Event;
            if (consumed.Contains(inbound.Id)) return (Verdict.Drop, "already consumed");
            if (e is ExecutionStartedEvent start)
            {
                if (startAccepted) return (Verdict.Drop, "a second start in one batch");
                if (started) return (Verdict.Drop, "already started");
                if (record is not null && record.ExecutionId is not null && record.ExecutionId != start.OrchestrationInstance?.ExecutionId)
                {
                    return (Verdict.Drop, "a start of an execution that was replaced");
                }

                startAccepted = true;
                return (Verdict.Apply, string.Empty);
            }

            if (!started && !startAccepted) return (Verdict.Defer, "the instance has not started");
            if (record is not null && started && record.IsTerminal) return (Verdict.Drop, "the instance has ended");
            var executionId = inbound.Message.OrchestrationInstance?.ExecutionId;
            var current = started ? record!.ExecutionId : messages.First(m => m.Message.Event is ExecutionStartedEvent).Message.OrchestrationInstance?.ExecutionId;
            if (!string.IsNullOrEmpty(executionId) && current is not null && executionId != current) return (Verdict.Drop, "for another execution");
            switch (e)
            {
                case TaskCompletedEvent c when !Fresh(c.TaskScheduledId, scheduledTasks):
                case TaskFailedEvent f when !Fresh(f.TaskScheduledId, scheduledTasks):
                    return (Verdict.Drop, "a result already recorded, or for a task never scheduled");
                case SubOrchestrationInstanceCompletedEvent c when !Fresh(c.TaskScheduledId, subOrchestrations):
                case SubOrchestrationInstanceFailedEvent f when !Fresh(f.TaskScheduledId, subOrchestrations):
                    return (Verdict.Drop, "a sub-orchestration result already recorded");
                case TimerFiredEvent t when !firedTimers.Add(t.TimerId):
                    return (Verdict.Drop, "a timer already fired");
            }

            return (Verdict.Apply, string.Empty);
        }

        bool Fresh(int taskId, HashSet<int> scheduled) => scheduled.Contains(taskId) && completedTasks.Add(taskId);
    }
}
