using Relief.Cases.Leads;
using Relief.Cases.Storage.Feeds;
using Relief.Cases.Storage.Tests.Builders;
using Relief.Testing;

namespace Relief.Cases.Storage.Tests.Feeds;

/// <summary>The feed-record claims, the people index and the lead slots on Azurite (issue 13 § 1, § 3, § 5).</summary>
public sealed class FeedStoresTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 2, 0, 0, TimeSpan.Zero);

    private static Microsoft.Extensions.Options.IOptions<DiscoveryStorageOptions> Options() => Microsoft.Extensions.Options.Options.Create(new DiscoveryStorageOptions
    {
        RecordsTableName = UniqueNames.Table("rec"),
        PeopleTableName = UniqueNames.Table("ppl"),
        LeadsTableName = UniqueNames.Table("lds"),
        VisitsTableName = UniqueNames.Table("vis"),
        HandoversTableName = UniqueNames.Table("hnd"),
    });

    [Fact]
    public async Task A_Record_IsNew_ThenUnfinished_UntilApplied_ThenADuplicate_AndOtherContentUnderItsIdIsAConflict()
    {
        var store = new FeedRecordStore(await TestStorage.TablesAsync(), Options());
        await store.InitializeAsync(CancellationToken.None);

        var first = await store.ClaimAsync("deaths", "mz/1#?", "hash-a", At, CancellationToken.None);
        var crashed = await store.ClaimAsync("deaths", "mz/1#?", "hash-a", At.AddMinutes(5), CancellationToken.None);
        await store.CompleteAsync("deaths", "mz/1#?", "applied", CancellationToken.None);
        var again = await store.ClaimAsync("deaths", "mz/1#?", "hash-a", At.AddMinutes(9), CancellationToken.None);
        var other = await store.ClaimAsync("deaths", "mz/1#?", "hash-b", At.AddMinutes(9), CancellationToken.None);
        var otherFeed = await store.ClaimAsync("jobs", "mz/1#?", "hash-b", At, CancellationToken.None);

        Assert.Equal(FeedClaimOutcome.New, first.Outcome);
        Assert.Equal((FeedClaimOutcome.Unfinished, At), (crashed.Outcome, crashed.ReceivedAt)); // re-applied with the first receipt's time
        Assert.Equal((FeedClaimOutcome.Duplicate, "applied"), (again.Outcome, again.Result));
        Assert.Equal(FeedClaimOutcome.Conflict, other.Outcome);
        Assert.Equal(FeedClaimOutcome.New, otherFeed.Outcome); // record ids are the agency's own, per feed
    }

    [Fact]
    public async Task People_AreFoundByKey_AndTheFirstDeathWins()
    {
        var people = new PeopleIndex(await TestStorage.TablesAsync(), Options());
        await people.InitializeAsync(CancellationToken.None);
        await people.IndexAsync("pp-1", new PersonMembership("hh-1", "dibao", "qingdao/shinan", "case-1", "spouse"), CancellationToken.None);
        await people.IndexAsync("pp-1", new PersonMembership("hh-1", "dibao", "qingdao/shinan", "case-1", "spouse"), CancellationToken.None);
        await people.IndexAsync("pp-2", new PersonMembership("hh-1", "dibao", "qingdao/shinan", "case-1", "applicant"), CancellationToken.None);

        Assert.Equal("spouse", Assert.Single(await people.MembershipsAsync("pp-1", CancellationToken.None)).Relationship);
        Assert.Null(await people.FactsAsync("pp-1", CancellationToken.None));
        var (facts, first) = await people.RecordDeathAsync("pp-1", new DateOnly(2026, 12, 1), "deaths|a", CancellationToken.None);
        var (same, sameAgain) = await people.RecordDeathAsync("pp-1", new DateOnly(2026, 12, 1), "deaths|a", CancellationToken.None);
        var (later, secondSource) = await people.RecordDeathAsync("pp-1", new DateOnly(2026, 11, 30), "deaths|b", CancellationToken.None);

        Assert.True(first);
        Assert.True(sameAgain); // the same record again (a retry) finds itself
        Assert.False(secondSource);
        Assert.Equal((new DateOnly(2026, 12, 1), "deaths|a"), (later.DiedOn, later.DeathRecord));
        Assert.Equal(facts, same);
    }

    [Fact]
    public async Task OneOpenLead_PerPersonAndReason_TheSlotFreedWhenItEnds()
    {
        var leads = new LeadStore(await TestStorage.TablesAsync(), Options());
        await leads.InitializeAsync(CancellationToken.None);
        Lead Make(string id, LeadReason reason = LeadReason.MedicalSelfPay) => new(id, reason, "qingdao/shinan", "370202197001010071", "pp-9", "evidence", At, At.AddDays(14), LeadState.Open);

        var (one, created) = await leads.RaiseAsync(Make("ld-1"), CancellationToken.None);
        var (retry, retried) = await leads.RaiseAsync(Make("ld-1"), CancellationToken.None);
        var (two, second) = await leads.RaiseAsync(Make("ld-2"), CancellationToken.None);
        var (other, otherReason) = await leads.RaiseAsync(Make("ld-3", LeadReason.SevereDisability), CancellationToken.None);

        Assert.True(created);
        Assert.True(retried); // a retried raise finds its own slot and row
        Assert.False(second);
        Assert.Equal("ld-1", two.LeadId);
        Assert.True(otherReason);
        Assert.Equal(2, await leads.ListAsync("qingdao", null, CancellationToken.None).CountAsync());
        Assert.Empty(await leads.ListAsync("qingdao/laoshan", null, CancellationToken.None).ToListAsync());

        var stored = (await leads.GetAsync("ld-1", CancellationToken.None))!;
        Assert.True(await leads.UpdateAsync(stored.Lead with { State = LeadState.Closed, ClosedReason = "not in need" }, stored.ETag, CancellationToken.None));
        Assert.False(await leads.UpdateAsync(stored.Lead with { State = LeadState.Assigned }, stored.ETag, CancellationToken.None)); // stale ETag
        var (three, afterClose) = await leads.RaiseAsync(Make("ld-4"), CancellationToken.None);
        Assert.True(afterClose);
        Assert.Equal("ld-4", three.LeadId);

        var overdue = await leads.OverdueAsync(At.AddDays(15), CancellationToken.None).Select(l => l.Lead.LeadId).ToListAsync();
        Assert.Equal(["ld-3", "ld-4"], overdue.Order());
        Assert.Empty(await leads.OverdueAsync(At.AddDays(13), CancellationToken.None).ToListAsync());
        Assert.Null(await leads.GetAsync("ld-none", CancellationToken.None));
    }
}
