using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Payments;
using Relief.Domain.Reviews;
using Relief.Functions.Applications;

namespace Relief.Functions.Reviews;

/// <summary>
/// <c>POST /api/reviews/sweeps/{cadence}/{month}</c> (admin key in Azure): starts the sweep of the households due in a
/// month with the <c>yearly</c> or <c>half-yearly</c> cadence now. A finished sweep runs again and starts only reviews that
/// do not exist yet; one still running is left alone. 202 with the sweep's instance id; 400 for a bad cadence or month.
/// </summary>
public sealed class StartReviewSweep
{
    [Function(nameof(StartReviewSweep))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "reviews/sweeps/{cadence}/{month}")] HttpRequest request,
        string cadence,
        string month,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ReviewFrequency? frequency = ReviewSweeps.ParseCadence(cadence);
        if (frequency is null) return Problems.Field("cadence", $"'{cadence}' is not a cadence: yearly or half-yearly.");
        if (!PayPeriod.TryParse(month, out PayPeriod due)) return Problems.Field("month", $"'{month}' is not a month in yyyy-MM form.");
        bool started = await ReviewSweeps.StartAsync(durable, frequency.Value, due.ToString(), runAgain: true, cancellationToken).ConfigureAwait(false);
        string instance = ReviewSweepOrchestrator.InstanceId(frequency.Value, due.ToString());
        return TypedResults.Accepted((string?)null, new { cadence, month = due.ToString(), started, instanceId = instance });
    }
}
