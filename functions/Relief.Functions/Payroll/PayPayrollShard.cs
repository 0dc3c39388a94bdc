using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Payments;
using Relief.Cases.Storage.Payments;

namespace Relief.Functions.Payroll;

/// <summary>Activity: pays one register shard for the period (see <see cref="PayrollShardRunner"/>); safe to run again.</summary>
public sealed class PayPayrollShard(PayrollShardRunner runner)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(PayPayrollShard);

    [Function(Name)]
    public async Task<PayrollShardSummary> RunAsync([ActivityTrigger] PayrollShardInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = await runner.RunAsync(input.Jurisdiction, PayPeriod.Parse(input.Period), input.Shard, input.InstructedAt, cancellationToken).ConfigureAwait(false);
        return new PayrollShardSummary(result.Shard, result.Instructions, result.NewInstructions, result.Amount);
    }
}
