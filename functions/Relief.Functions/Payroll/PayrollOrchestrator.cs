using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Relief.Functions.Workflows;

namespace Relief.Functions.Payroll;

/// <summary>
/// Orchestrator: one jurisdiction's monthly payroll (月度发放). Records the run, then pays the register's shards
/// <see cref="Parallelism"/> at a time (one activity per shard — never one per beneficiary), and sums what they paid.
/// Resumable: a host that dies mid-run is replaced and the orchestration replays; a shard paid again writes nothing twice.
/// Instance id <c>payroll-{jurisdiction}-{period}</c> (<see cref="InstanceId"/>).
/// </summary>
public static class PayrollOrchestrator
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = nameof(PayrollOrchestrator);

    /// <summary>Shards paid at the same time.</summary>
    public const int Parallelism = 4;

    /// <summary>The instance id of a payroll.</summary>
    public static string InstanceId(string jurisdiction, string period) => $"payroll-{jurisdiction}-{period}";

    [Function(Name)]
    public static async Task<PayrollSummary> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<PayrollInput>()!;
        DateTimeOffset at = context.CurrentUtcDateTime;
        await context.CallActivityAsync(RecordPayrollStart.Name, input, WorkflowRetry.Activities);

        var done = new List<PayrollShardSummary>(input.Shards);
        var running = new List<Task<PayrollShardSummary>>();
        for (int shard = 0; shard < input.Shards; shard++)
        {
            running.Add(context.CallActivityAsync<PayrollShardSummary>(PayPayrollShard.Name, new PayrollShardInput(input.Jurisdiction, input.Period, shard, at), WorkflowRetry.Activities));
            if (running.Count == Parallelism)
            {
                Task<PayrollShardSummary> first = await Task.WhenAny(running);
                running.Remove(first);
                done.Add(await first);
            }
        }

        done.AddRange(await Task.WhenAll(running));
        return new PayrollSummary(input.Jurisdiction, input.Period, done.Sum(d => d.Instructions), done.Sum(d => d.NewInstructions), done.Sum(d => d.Amount));
    }
}
