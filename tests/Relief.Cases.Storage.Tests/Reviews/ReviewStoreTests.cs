using Relief.Cases.Payments;
using Relief.Cases.Reviews;
using Relief.Cases.Storage.Reviews;
using Relief.Cases.Storage.Tests.Builders;
using Relief.Domain.Reviews;
using Relief.Testing;

namespace Relief.Cases.Storage.Tests.Reviews;

/// <summary>Review schedules, the due index and the work list on Azurite (issue 12 § 1, § 6).</summary>
public sealed class ReviewStoreTests
{
    private static async Task<ReviewStore> StoreAsync()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new ReviewStorageOptions { TableName = UniqueNames.Table("rev"), DueTableName = UniqueNames.Table("due") });
        var store = new ReviewStore(await TestStorage.TablesAsync(), options);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private static HouseholdReview Household(string id, ReviewFrequency frequency, DateOnly next, string jurisdiction = "qingdao/shinan") =>
        new(id, "dibao", jurisdiction, "case-" + id, frequency, next, []);

    private static async Task<IReadOnlyList<DueHousehold>> AllDueAsync(ReviewStore store, ReviewFrequency frequency, PayPeriod month, int pageSize = 2)
    {
        var all = new List<DueHousehold>();
        string? token = null;
        do
        {
            var page = await store.ReadDueAsync(frequency, month, token, pageSize, CancellationToken.None);
            all.AddRange(page.Households);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return all;
    }

    // Selecting a month's due households reads that month's partition of that cadence only, page by page; a household
    // whose next review moves leaves its old month; one that leaves the program leaves the index.
    [Fact]
    public async Task DueIndex_ByCadenceAndMonth_MovesWithTheSchedule()
    {
        var store = await StoreAsync();
        var march = new PayPeriod(2027, 3);
        for (int i = 0; i < 5; i++)
        {
            await store.ScheduleAsync(Household("hh-y" + i, ReviewFrequency.Yearly, new DateOnly(2027, 3, 1 + i)), CancellationToken.None);
        }

        await store.ScheduleAsync(Household("hh-h0", ReviewFrequency.HalfYearly, new DateOnly(2027, 3, 9)), CancellationToken.None);
        await store.ScheduleAsync(Household("hh-y9", ReviewFrequency.Yearly, new DateOnly(2027, 4, 2)), CancellationToken.None);

        Assert.Equal(["hh-y0", "hh-y1", "hh-y2", "hh-y3", "hh-y4"], (await AllDueAsync(store, ReviewFrequency.Yearly, march)).Select(d => d.BeneficiaryId).Order());
        Assert.Equal(["hh-h0"], (await AllDueAsync(store, ReviewFrequency.HalfYearly, march)).Select(d => d.BeneficiaryId));

        // Reviewed: next due a year later; another leaves the program.
        await store.ScheduleAsync(Household("hh-y0", ReviewFrequency.Yearly, new DateOnly(2028, 3, 1)), CancellationToken.None);
        await store.ScheduleAsync(Household("hh-y1", ReviewFrequency.Yearly, new DateOnly(2027, 3, 2)) with { Active = false }, CancellationToken.None);
        await store.ScheduleAsync(Household("hh-y2", ReviewFrequency.Yearly, new DateOnly(2027, 3, 3)), CancellationToken.None); // same again: no change

        Assert.Equal(["hh-y2", "hh-y3", "hh-y4"], (await AllDueAsync(store, ReviewFrequency.Yearly, march)).Select(d => d.BeneficiaryId).Order());
        Assert.Equal(["hh-y0"], (await AllDueAsync(store, ReviewFrequency.Yearly, new PayPeriod(2028, 3))).Select(d => d.BeneficiaryId));
        Assert.False((await store.GetHouseholdAsync("hh-y1", "dibao", CancellationToken.None))!.Active);
    }

    // A review opened twice (a second sweep) is one review; it is found from its id and on its jurisdiction's work list.
    [Fact]
    public async Task Review_OpenedTwice_OneReview_OnTheWorkList()
    {
        var store = await StoreAsync();
        var due = new DateOnly(2027, 3, 15);
        string id = ReviewRecord.IdOf("dibao", "hh-a1", ReviewReason.Scheduled, due);
        var review = new ReviewRecord(id, "hh-a1", "dibao", "qingdao/shinan", "case-a1", ReviewReason.Scheduled, due, ReviewState.Open, TestCases.T0);

        var (_, first) = await store.OpenAsync(review, CancellationToken.None);
        var (again, second) = await store.OpenAsync(review with { State = ReviewState.Escalated }, CancellationToken.None);
        await store.UpdateAsync(review with { State = ReviewState.Decided, Outcome = ReviewOutcome.Adjusted, DecisionReason = "changed" }, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(ReviewState.Open, again.State);
        var stored = await store.GetReviewAsync(id, CancellationToken.None);
        Assert.Equal(ReviewOutcome.Adjusted, stored!.Outcome);
        var shinan = new List<ReviewRecord>();
        await foreach (var r in store.WorkListAsync("qingdao/shinan", PayPeriod.Of(due), CancellationToken.None)) shinan.Add(r);
        var other = new List<ReviewRecord>();
        await foreach (var r in store.WorkListAsync("qingdao/laoshan", PayPeriod.Of(due), CancellationToken.None)) other.Add(r);
        Assert.Equal([id], shinan.Select(r => r.ReviewId));
        Assert.Empty(other);
        Assert.Single(await store.ReviewsOfAsync("hh-a1", CancellationToken.None));
        Assert.Null(await store.GetReviewAsync("not-a-review", CancellationToken.None));
    }
}
