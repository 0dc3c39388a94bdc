using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Deadlines;
using Relief.Domain.Calendar;
using Relief.Domain.Households;
using Relief.Domain.Policies;

namespace Relief.Functions.Workflows.Activities;

/// <summary>Activity: computes deadlines (办理时限) from the jurisdiction's policy and the working-day calendar.</summary>
public sealed class PlanDeadlines(IPolicyCatalog catalog, CaseDeadlinePlanner planner)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(PlanDeadlines);

    [Function(Name)]
    public Task<CaseDeadline[]> RunAsync([ActivityTrigger] DeadlinePlanRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        PolicyParameters policy = catalog.Find(JurisdictionCode.Parse(input.Jurisdiction), ChinaStandardTime.DateOf(input.From)).GetOrThrow();
        CaseDeadline[] deadlines = input.Plan switch
        {
            DeadlinePlan.Acceptance => [.. planner.AtAcceptance(input.Program, policy, input.AppliedAt, input.From)],
            DeadlinePlan.PublicNotice => [CaseDeadlinePlanner.PublicNoticeEnd(policy, input.From)],
            DeadlinePlan.CountyDecision => [planner.CountyDecision(input.Program, policy, input.From)],
            DeadlinePlan.Extension => [planner.ExtendOverall(policy, input.From, input.Reason ?? throw new ArgumentException("An extension needs a reason.", nameof(input)))],
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Plan, "Unknown plan."),
        };
        return Task.FromResult(deadlines);
    }
}
