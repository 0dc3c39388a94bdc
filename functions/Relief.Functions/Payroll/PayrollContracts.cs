namespace Relief.Functions.Payroll;

/// <summary>The input of <see cref="PayrollOrchestrator"/>: one jurisdiction's payroll for one month.</summary>
/// <param name="Jurisdiction">Payroll jurisdiction (first segment of the code, e.g. <c>qingdao</c>).</param>
/// <param name="Period">The month paid, <c>yyyy-MM</c>.</param>
/// <param name="Shards">Register shards to pay.</param>
public sealed record PayrollInput(string Jurisdiction, string Period, int Shards);

/// <summary>The input of <see cref="PayPayrollShard"/>.</summary>
/// <param name="Jurisdiction">Payroll jurisdiction.</param>
/// <param name="Period">The month paid.</param>
/// <param name="Shard">The shard.</param>
/// <param name="InstructedAt">The run's time (the orchestration's clock: the same on every replay).</param>
public sealed record PayrollShardInput(string Jurisdiction, string Period, int Shard, DateTimeOffset InstructedAt);

/// <summary>What one shard paid.</summary>
/// <param name="Shard">The shard.</param>
/// <param name="Instructions">Instructions of the period in the shard.</param>
/// <param name="NewInstructions">Written by this run.</param>
/// <param name="Amount">Yuan.</param>
public sealed record PayrollShardSummary(int Shard, int Instructions, int NewInstructions, decimal Amount);

/// <summary>The output of <see cref="PayrollOrchestrator"/>.</summary>
/// <param name="Jurisdiction">Payroll jurisdiction.</param>
/// <param name="Period">The month paid.</param>
/// <param name="Instructions">Instructions of the period.</param>
/// <param name="NewInstructions">Written by this run (0 when run again).</param>
/// <param name="Amount">Yuan.</param>
public sealed record PayrollSummary(string Jurisdiction, string Period, int Instructions, int NewInstructions, decimal Amount);
