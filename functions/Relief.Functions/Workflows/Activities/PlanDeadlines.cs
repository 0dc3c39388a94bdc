using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Deadlines;
using Relief.Domain.Calendar;
using Relief.Domain.Households;
using Relief.Domain.Policies;
using Relief.Functions.Calendars;

namespace Relief.Functions.Workflows.Activities;

/// <summary>Activity: computes deadlines (办理时限) from the jurisdiction's policy and the working-day calendar, after
/// taking in the calendar years other instances loaded at run time (<see cref="CalendarRefresh"/>; none in unit
/// tests, where the calendar is the one given).</summary>
public sealed class PlanDeadlines(IPolicyCatalog catalog, CaseDeadlinePlanner planner, CalendarRefresh? refresh = null)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(PlanDeadlines);

    [Function(Name)]
    public async Task<CaseDeadline[]> RunAsync([ActivityTrigger] DeadlinePlanRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (refresh is not null) await refresh.EnsureFreshAsync(cancellationToken).ConfigureAwait(false); // years another instance loaded
        PolicyParameters policy = catalog.Find(JurisdictionCode.Parse(input.Jurisdiction), ChinaStandardTime.DateOf(input.From)).GetOrThrow();
        CaseDeadline[] deadlines = input.Plan switch
        {
            DeadlinePlan.Acceptance => [.. planner.AtAcceptance(input.Program, policy, input.AppliedAt, input.From)],
            DeadlinePlan.PublicNotice => [CaseDeadlinePlanner.PublicNoticeEnd(policy, input.From)],
            DeadlinePlan.CountyDecision => [planner.CountyDecision(input.Program, policy, input.From)],
            DeadlinePlan.Extension => [planner.ExtendOverall(policy, input.From, input.Reason ?? throw new ArgumentException("An extension needs a reason.", nameof(input)))],
            DeadlinePlan.VerificationAnswers => [planner.EconomicVerificationAnswers(input.From, policy: policy)],
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Plan, "Unknown plan."),
        };
        return deadlines;
    }
}
