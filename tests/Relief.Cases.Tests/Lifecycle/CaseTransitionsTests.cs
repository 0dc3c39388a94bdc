using Relief.Cases.Lifecycle;

namespace Relief.Cases.Tests.Lifecycle;

public sealed class CaseTransitionsTests
{
    [Fact]
    public void Apply_StandardTrackHappyPath_EndsApproved()
    {
        var step = CaseStep.Submitted;
        foreach (var trigger in new[]
                 {
                     CaseTrigger.Accept, CaseTrigger.RecordInvestigation, CaseTrigger.ProposeApproval,
                     CaseTrigger.NoticePeriodEnded, CaseTrigger.Approve,
                 })
        {
            var result = CaseTransitions.Apply(step, trigger);
            Assert.True(result.IsValid, result.Error);
            step = result.To!.Value;
        }

        Assert.Equal(CaseStep.Approved, step);
        Assert.True(CaseTransitions.IsTerminal(step));
    }

    [Fact]
    public void Apply_ObjectionDuringNotice_LeadsToANewNotice()
    {
        var reinvestigation = CaseTransitions.Apply(CaseStep.PublicNotice, CaseTrigger.FileObjection);
        Assert.Equal(CaseStep.Reinvestigation, reinvestigation.To);

        Assert.Equal(CaseStep.PublicNotice, CaseTransitions.Apply(CaseStep.Reinvestigation, CaseTrigger.RecordCommunityReview).To);
        Assert.Equal(CaseStep.PublicNotice, CaseTransitions.Apply(CaseStep.Reinvestigation, CaseTrigger.RecordInvestigation).To);
    }

    // DOMAIN.md § Rules made precise, "Emergency type: no economic verification and no community review" (seed 000;
    // 83号: pay first, paperwork after).
    [Fact]
    public void Apply_EmergencyTrack_NoCommunityReviewStep()
    {
        Assert.False(CaseTransitions.Apply(CaseStep.Paperwork, CaseTrigger.RecordCommunityReview).IsValid);
        Assert.False(CaseTransitions.Apply(CaseStep.PostHocNotice, CaseTrigger.RecordCommunityReview).IsValid);
    }

    [Fact]
    public void Apply_EmergencyTrack_PaysBeforePaperworkAndNoticesAfter()
    {
        Assert.Equal(CaseStep.Paperwork, CaseTransitions.Apply(CaseStep.Submitted, CaseTrigger.GrantAdvanceRelief).To);
        Assert.Equal(CaseStep.PostHocNotice, CaseTransitions.Apply(CaseStep.Paperwork, CaseTrigger.RecordInvestigation).To);
        Assert.Equal(CaseStep.AwaitingDecision, CaseTransitions.Apply(CaseStep.PostHocNotice, CaseTrigger.NoticePeriodEnded).To);
    }

    [Fact]
    public void Apply_ApproveWhileInvestigating_IsInvalidAndNamesStepAndTrigger()
    {
        var result = CaseTransitions.Apply(CaseStep.Investigation, CaseTrigger.Approve);

        Assert.False(result.IsValid);
        Assert.Null(result.To);
        Assert.Equal(CaseStep.Investigation, result.From);
        Assert.Contains("'Approve'", result.Error, StringComparison.Ordinal);
        Assert.Contains("'Investigation'", result.Error, StringComparison.Ordinal);
        Assert.Contains("RecordInvestigation", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseStep.Approved)]
    [InlineData(CaseStep.Refused)]
    [InlineData(CaseStep.Withdrawn)]
    public void Apply_AnyTriggerOnAnEndedCase_IsInvalid(CaseStep terminal)
    {
        foreach (var trigger in Enum.GetValues<CaseTrigger>())
        {
            Assert.False(CaseTransitions.Apply(terminal, trigger).IsValid);
        }

        Assert.Empty(CaseTransitions.AllowedIn(terminal));
    }

    [Fact]
    public void Rows_EveryOpenStep_CanBeWithdrawnAndReachesAnEnd()
    {
        foreach (var step in Enum.GetValues<CaseStep>().Where(s => !CaseTransitions.IsTerminal(s)))
        {
            Assert.Equal(CaseStep.Withdrawn, CaseTransitions.Apply(step, CaseTrigger.Withdraw).To);
            Assert.True(ReachesApprovedOrRefused(step), $"{step} cannot reach a decision");
        }
    }

    [Fact]
    public void Apply_ExtendTimeLimit_KeepsTheStepFromAcceptanceUntilTheDecisionOnly()
    {
        var allowed = Enum.GetValues<CaseStep>().Where(s => CaseTransitions.Apply(s, CaseTrigger.ExtendTimeLimit).IsValid).ToArray();

        Assert.All(allowed, s => Assert.Equal(s, CaseTransitions.Apply(s, CaseTrigger.ExtendTimeLimit).To));
        Assert.DoesNotContain(CaseStep.Submitted, allowed);
        Assert.DoesNotContain(CaseStep.AwaitingMaterials, allowed);
        Assert.Contains(CaseStep.Investigation, allowed);
        Assert.Contains(CaseStep.AwaitingDecision, allowed);
        Assert.DoesNotContain(allowed, CaseTransitions.IsTerminal);
    }

    private static bool ReachesApprovedOrRefused(CaseStep start)
    {
        var seen = new HashSet<CaseStep>();
        var queue = new Queue<CaseStep>([start]);
        while (queue.TryDequeue(out var step))
        {
            if (step is CaseStep.Approved or CaseStep.Refused) return true;
            if (!seen.Add(step)) continue;
            foreach (var row in CaseTransitions.Rows.Where(r => r.From == step)) queue.Enqueue(row.To);
        }

        return false;
    }
}
