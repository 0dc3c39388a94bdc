using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Relief.Functions.Reviews.Activities;
using Relief.Functions.Workflows;

namespace Relief.Functions.Reviews;

/// <summary>
/// The review orchestration (动态核查), one instance per household, program and review period (instance id = review id):
/// open the review (re-verification requests to the agencies, the findings deadline in working days) → wait for the
/// caseworker's findings over HTTP, the deadline raced as a durable timer (passed → escalated once, 督办, and the wait
/// goes on) → decide by the review rules and the policy engine; the register (and so the payroll), the household's next
/// review and the case's audit trail follow. A review found superseded at opening (the schedule moved, the household
/// left) ends at once. Deterministic: time from the context, I/O in activities.
/// </summary>
public static class ReviewOrchestrator
{
    /// <summary>The orchestrator name.</summary>
    public const string Name = "ReviewWorkflow";

    /// <summary>The external event the caseworker's findings arrive as (payload <see cref="ReviewFindingsEvent"/>).</summary>
    public const string FindingsEvent = "ReviewFindings";

    /// <summary>The orchestrator function: the input is the <see cref="ReviewInput"/> the review was started with.</summary>
    [Function(Name)]
    public static Task<ReviewSummary> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync(context, context.GetInput<ReviewInput>() ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no input."));
    }

    /// <summary>Runs one review.</summary>
    public static async Task<ReviewSummary> RunAsync(TaskOrchestrationContext context, ReviewInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        int operation = 0;
        string NextOperation() => context.InstanceId + ":" + (++operation).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var opened = await CalendarAware.CallAsync<ReviewOpened>(context, input.CaseId, NextOperation, OpenReview.Name, new OpenReviewRequest(input, Now(context)));
        if (opened.Superseded)
        {
            return new ReviewSummary(null, "Superseded: the household's schedule moved or it left the program before the review began.", null, 0m, null, 0m, null);
        }

        Task<ReviewFindingsEvent> findings = context.WaitForExternalEvent<ReviewFindingsEvent>(FindingsEvent);
        if (opened.Findings is { } deadline)
        {
            using var cts = new CancellationTokenSource();
            Task timer = context.CreateTimer(deadline.ExpiresAt.UtcDateTime, cts.Token);
            if (await Task.WhenAny(findings, timer) == timer)
            {
                await context.CallActivityAsync<bool>(EscalateReview.Name, new EscalateReviewRequest(input, deadline, Now(context)), WorkflowRetry.Activities);
            }
            else
            {
                cts.Cancel();
            }
        }

        ReviewFindingsEvent found = await findings;
        return await context.CallActivityAsync<ReviewSummary>(DecideReview.Name, new DecideReviewRequest(input, found, Now(context)), WorkflowRetry.Activities);
    }

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
}
