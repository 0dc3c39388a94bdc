using Relief.Cases.Deadlines;
using Relief.Cases.Reviews;
using Relief.Functions.Reviews;
using Relief.Functions.Reviews.Activities;
using Relief.Functions.Tests.Workflows;

namespace Relief.Functions.Tests.Reviews;

/// <summary>The review orchestration on a deterministic fake context (issue 12 § 3): open, findings raced against their limit, decide.</summary>
public sealed class ReviewOrchestratorTests
{
    private static readonly DateTime Start = new(2027, 3, 1, 1, 0, 0, DateTimeKind.Utc);
    private static readonly ReviewInput Input = new("rv_hh-1_dibao_2027-03", "hh-1", "dibao", "qingdao/shinan", "case-1", ReviewReason.Scheduled, new DateOnly(2027, 3, 15));
    private static readonly CaseDeadline Findings = new(CaseDeadlineKind.ReviewFindings, new DateOnly(2027, 3, 29), new DateTimeOffset(2027, 3, 29, 16, 0, 0, TimeSpan.Zero), "20 working days", Input.ReviewId);
    private static readonly ReviewSummary Decided = new(ReviewOutcome.Continued, "No material change", "57号 Art. 31", 1100m, null, 0m, new DateOnly(2028, 3, 20));

    private static (FakeOrchestrationContext Context, Task<ReviewSummary> Run) Begin(bool superseded = false)
    {
        var context = new FakeOrchestrationContext(Input.ReviewId, Start)
        {
            Activities = (name, _) => name switch
            {
                OpenReview.Name => new ReviewOpened(superseded, superseded ? null : Findings, ["civil-affairs"]),
                EscalateReview.Name => true,
                DecideReview.Name => Decided,
                _ => throw new InvalidOperationException(name),
            },
        };
        return (context, context.Start(c => ReviewOrchestrator.RunAsync(c, Input)));
    }

    private static ReviewFindingsEvent Found => new("caseworker:0042", "visited; nothing changed", false, null, null, null, null);

    [Fact]
    public async Task FindingsBeforeTheLimit_Decided_NoEscalation()
    {
        var (context, run) = Begin();

        context.Advance(TimeSpan.FromDays(3));
        context.Raise(ReviewOrchestrator.FindingsEvent, Found);

        Assert.Equal(ReviewOutcome.Continued, (await run).Outcome);
        Assert.Equal([OpenReview.Name, DecideReview.Name], context.Calls.Select(c => c.Name));
        Assert.Empty(context.PendingTimers);
        var decide = (DecideReviewRequest)context.Calls[^1].Input!;
        Assert.Equal("caseworker:0042", decide.Findings.Actor);
    }

    // The findings limit passing escalates once (督办) and the review keeps waiting; late findings are still decided.
    [Fact]
    public async Task NoFindings_PastTheLimit_EscalatedOnce_LateFindingsDecided()
    {
        var (context, run) = Begin();

        context.Advance(TimeSpan.FromDays(60));
        Assert.False(run.IsCompleted);
        Assert.Equal([OpenReview.Name, EscalateReview.Name], context.Calls.Select(c => c.Name));
        Assert.Equal(Findings.ExpiresAt.UtcDateTime, context.Calls[1].At);
        context.Raise(ReviewOrchestrator.FindingsEvent, Found);

        Assert.Equal(ReviewOutcome.Continued, (await run).Outcome);
        Assert.Single(context.Calls, c => c.Name == EscalateReview.Name);
    }

    // A review whose household moved on ends at once: nothing waits, nothing is decided.
    [Fact]
    public async Task Superseded_EndsAtOnce()
    {
        var (context, run) = Begin(superseded: true);

        var summary = await run;

        Assert.Null(summary.Outcome);
        Assert.Equal([OpenReview.Name], context.Calls.Select(c => c.Name));
        Assert.Empty(context.PendingTimers);
    }
}
