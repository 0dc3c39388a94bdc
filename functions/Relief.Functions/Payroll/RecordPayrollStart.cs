using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Storage.Payments;

namespace Relief.Functions.Payroll;

/// <summary>Activity: records that a payroll run started (its shard count and first start), for the progress endpoint.</summary>
public sealed class RecordPayrollStart(PayrollProgress progress, TimeProvider time)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(RecordPayrollStart);

    [Function(Name)]
    public Task RunAsync([ActivityTrigger] PayrollInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return progress.StartedAsync(input.Jurisdiction, input.Period, input.Shards, time.GetUtcNow(), cancellationToken);
    }
}
