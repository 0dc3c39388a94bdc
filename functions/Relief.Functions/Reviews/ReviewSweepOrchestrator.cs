using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Relief.Functions.Reviews.Activities;
using Relief.Functions.Workflows;

namespace Relief.Functions.Reviews;

/// <summary>
/// A review sweep (定期核查批次): the households of one cadence due in one month, read from the due index page by page
/// (<see cref="StartDueReviews"/>), one review orchestration started per household (instance id = review id, so a second
/// sweep starts nothing new). Durable: a host restart resumes at the page it was on — a page redone starts nothing twice.
/// Continues as new every 50 pages (bounded history).
/// Instance id <c>review-sweep|{Yearly|HalfYearly}|{yyyy-MM}</c>.
/// </summary>
public static class ReviewSweepOrchestrator
{
    /// <summary>The orchestrator name.</summary>
    public const string Name = "ReviewSweep";

    /// <summary>Pages per generation: 50 (5,000 households at the default page size) before continuing as new.</summary>
    public const int DefaultPagesPerGeneration = 50;

    /// <summary>The instance id of the sweep of a cadence and month.</summary>
    public static string InstanceId(Relief.Domain.Reviews.ReviewFrequency frequency, string month) => "review-sweep|" + frequency + "|" + month;

    /// <summary>The orchestrator function.</summary>
    [Function(Name)]
    public static Task<ReviewSweepInput> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync(context, context.GetInput<ReviewSweepInput>() ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no input."), DefaultPagesPerGeneration);
    }

    /// <summary>Runs a generation of the sweep; returns the totals when the index is read to its end.</summary>
    public static async Task<ReviewSweepInput> RunAsync(TaskOrchestrationContext context, ReviewSweepInput input, int pagesPerGeneration)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ReviewSweepInput state = input;
        for (int page = 0; page < pagesPerGeneration; page++)
        {
            var done = await context.CallActivityAsync<ReviewSweepPage>(StartDueReviews.Name, state, WorkflowRetry.Activities);
            state = state with { ContinuationToken = done.ContinuationToken, Started = state.Started + done.Started, Existing = state.Existing + done.Existing };
            if (done.ContinuationToken is null)
            {
                return state;
            }
        }

        context.ContinueAsNew(state);
        return state;
    }
}
