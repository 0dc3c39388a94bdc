using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Payments;
using Relief.Cases.Storage.Payments;
using Relief.Functions.Applications;

using Relief.Functions.Identity;

namespace Relief.Functions.Payroll;

/// <summary>
/// <c>GET /api/payrolls/{period}</c>: each jurisdiction's payroll of the month — its state (running, completed,
/// failed), shards done of all, instructions and yuan so far. Read from the progress table (one partition), never by
/// scanning the ledger. 404 when no payroll of the month has started.
/// </summary>
public sealed class GetPayroll(PayrollProgress progress)
{
    [Function(nameof(GetPayroll))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "payrolls/{period}")] HttpRequest request,
        string period,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (!PayPeriod.TryParse(period, out PayPeriod month))
        {
            return Problems.Field("period", $"'{period}' is not a month in yyyy-MM form.");
        }

        // The administrator sees every jurisdiction's payroll; supervisors and auditors those of their areas.
        Caller caller = request.Caller();
        var runs = (await progress.ReadAsync(month.ToString(), cancellationToken).ConfigureAwait(false))
            .Where(r => caller.Oversees(r.Jurisdiction)).ToArray();
        if (runs.Length == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No payroll", detail: $"No payroll of {month} has started.");
        }

        var statuses = new List<PayrollStatus>(runs.Length);
        foreach (PayrollRun run in runs)
        {
            var instance = await durable.GetInstanceAsync(PayrollOrchestrator.InstanceId(run.Jurisdiction, run.Period), cancellationToken).ConfigureAwait(false);
            string state = instance?.RuntimeStatus switch
            {
                OrchestrationRuntimeStatus.Completed => run.Done ? "completed" : "running",
                OrchestrationRuntimeStatus.Failed => "failed",
                OrchestrationRuntimeStatus.Terminated => "terminated",
                null => run.Done ? "completed" : "unknown",
                _ => "running",
            };
            DateTimeOffset? finished = run.Done ? run.Completed.Max(c => c.CompletedAt) : null;
            statuses.Add(new PayrollStatus(run.Jurisdiction, state, run.Completed.Count, run.Shards, run.Instructions, run.Amount, run.StartedAt, finished));
        }

        return TypedResults.Ok(new PayrollProgressResponse(month.ToString(), statuses));
    }
}

/// <summary>The answer of <c>GET /api/payrolls/{period}</c>.</summary>
/// <param name="Period">The month.</param>
/// <param name="Jurisdictions">Each jurisdiction's payroll.</param>
public sealed record PayrollProgressResponse(string Period, IReadOnlyList<PayrollStatus> Jurisdictions);

/// <summary>One jurisdiction's payroll of a month.</summary>
/// <param name="Jurisdiction">Payroll jurisdiction.</param>
/// <param name="State"><c>running</c>, <c>completed</c>, <c>failed</c>, <c>terminated</c> or <c>unknown</c>.</param>
/// <param name="ShardsDone">Shards paid.</param>
/// <param name="Shards">Shards in all.</param>
/// <param name="Instructions">Instructions so far.</param>
/// <param name="Amount">Yuan so far.</param>
/// <param name="StartedAt">When the first run started.</param>
/// <param name="FinishedAt">When the last shard of the latest run finished; null while shards remain.</param>
public sealed record PayrollStatus(string Jurisdiction, string State, int ShardsDone, int Shards, int Instructions, decimal Amount, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);
