using Microsoft.DurableTask.Client;
using Relief.Domain.Reviews;
using Relief.Functions.Workflows;

namespace Relief.Functions.Reviews;

/// <summary>Starts review sweeps (from the timers and the admin endpoint).</summary>
public static class ReviewSweeps
{
    /// <summary>The cadence of a route value: <c>yearly</c> or <c>half-yearly</c>; null for anything else.</summary>
    public static ReviewFrequency? ParseCadence(string? cadence) => cadence switch
    {
        "yearly" => ReviewFrequency.Yearly,
        "half-yearly" => ReviewFrequency.HalfYearly,
        _ => null,
    };

    /// <summary>
    /// Starts the sweep of a cadence and month. With <paramref name="runAgain"/> false (the timers) a sweep that ever
    /// started is not started again; true (the admin endpoint) runs a finished one again — it starts only reviews that
    /// do not exist yet. False when nothing was started.
    /// </summary>
    public static Task<bool> StartAsync(DurableTaskClient durable, ReviewFrequency frequency, string month, bool runAgain, CancellationToken cancellationToken)
    {
        string id = ReviewSweepOrchestrator.InstanceId(frequency, month);
        var input = new ReviewSweepInput(frequency, month);
        return runAgain
            ? Instances.StartUnlessRunningAsync(durable, ReviewSweepOrchestrator.Name, id, input, cancellationToken)
            : Instances.StartOnceAsync(durable, ReviewSweepOrchestrator.Name, id, input, cancellationToken);
    }
}
