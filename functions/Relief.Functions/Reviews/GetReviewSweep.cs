using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Payments;
using Relief.Domain.Reviews;
using Relief.Functions.Applications;

namespace Relief.Functions.Reviews;

/// <summary>
/// <c>GET /api/reviews/sweeps/{cadence}/{month}</c>: where the sweep of a cadence and month stands — its runtime status and,
/// once completed, the reviews it started and those that already existed. 404 when it never ran.
/// </summary>
public sealed class GetReviewSweep
{
    [Function(nameof(GetReviewSweep))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reviews/sweeps/{cadence}/{month}")] HttpRequest request,
        string cadence,
        string month,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ReviewFrequency? frequency = ReviewSweeps.ParseCadence(cadence);
        if (frequency is null) return Problems.Field("cadence", $"'{cadence}' is not a cadence: yearly or half-yearly.");
        if (!PayPeriod.TryParse(month, out PayPeriod due)) return Problems.Field("month", $"'{month}' is not a month in yyyy-MM form.");
        string id = ReviewSweepOrchestrator.InstanceId(frequency.Value, due.ToString());
        var instance = await durable.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return TypedResults.Problem(title: "Sweep not found", detail: $"The {cadence} sweep of {due} never ran.", statusCode: StatusCodes.Status404NotFound);
        }

        ReviewSweepInput? totals = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<ReviewSweepInput>() : null;
        return TypedResults.Ok(new
        {
            cadence,
            month = due.ToString(),
            instanceId = id,
            runtimeStatus = instance.RuntimeStatus.ToString(),
            started = totals?.Started,
            existing = totals?.Existing,
            lastUpdatedAt = instance.LastUpdatedAt,
        });
    }
}
