using Relief.Cases.Leads;

namespace Relief.Cases.Tests.Leads;

public sealed class LeadTransitionsTests
{
    [Theory]
    [InlineData(LeadState.Open, LeadTrigger.Assign, LeadState.Assigned)]
    [InlineData(LeadState.Assigned, LeadTrigger.Assign, LeadState.Assigned)]
    [InlineData(LeadState.Open, LeadTrigger.Visit, LeadState.Visited)]
    [InlineData(LeadState.Assigned, LeadTrigger.Visit, LeadState.Visited)]
    [InlineData(LeadState.Open, LeadTrigger.Close, LeadState.Closed)]
    [InlineData(LeadState.Visited, LeadTrigger.Close, LeadState.Closed)]
    [InlineData(LeadState.Visited, LeadTrigger.Convert, LeadState.Converted)]
    public void Allowed(LeadState from, LeadTrigger trigger, LeadState to) => Assert.Equal(to, LeadTransitions.Apply(from, trigger));

    [Fact]
    public void EverythingElse_IsRefused_AndEndedLeadsStayEnded()
    {
        int allowed = 0;
        foreach (LeadState from in Enum.GetValues<LeadState>())
        {
            foreach (LeadTrigger trigger in Enum.GetValues<LeadTrigger>())
            {
                if (LeadTransitions.Apply(from, trigger) is not null) allowed++;
                if (LeadTransitions.IsEnded(from)) Assert.Null(LeadTransitions.Apply(from, trigger));
            }
        }

        Assert.Equal(8, allowed);
        Assert.Null(LeadTransitions.Apply(LeadState.Open, LeadTrigger.Convert)); // a lead becomes an application only after a visit
    }

    [Fact]
    public void OverdueOnlyWhileTheVisitIsOwed()
    {
        var at = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var lead = new Lead("ld-1", LeadReason.MedicalSelfPay, "qingdao/shinan", "x", "pp-1", "e", at, at.AddDays(10), LeadState.Open);

        Assert.False(lead.IsOverdueAt(at.AddDays(9)));
        Assert.True(lead.IsOverdueAt(at.AddDays(10)));
        Assert.False((lead with { State = LeadState.Visited }).IsOverdueAt(at.AddDays(11)));
        Assert.False((lead with { VisitDue = null }).IsOverdueAt(at.AddDays(11)));
    }
}
