using Relief.Cases.Payments;
using Relief.Cases.Statistics;
using Relief.Cases.Storage.Statistics;
using Relief.Cases.Storage.Tests.Builders;
using Relief.Testing;

namespace Relief.Cases.Storage.Tests.Statistics;

/// <summary>The statistics counters on Azurite (issue 15 § 1): each event counted once, exact under concurrency, read by month and scope.</summary>
public sealed class StatisticsStoreTests
{
    private static readonly PayPeriod December = new(2026, 12);

    private static async Task<StatisticsStore> StoreAsync(int shards = 8)
    {
        var store = new StatisticsStore(await TestStorage.TablesAsync(),
            Microsoft.Extensions.Options.Options.Create(new StatisticsStorageOptions { TableName = UniqueNames.Table("stats"), Shards = shards }));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    [Fact]
    public async Task RecordAsync_SameKeyTwice_CountsOnce_OtherKeysAdd()
    {
        var store = await StoreAsync();
        var paid = new StatisticsEvent("paid|file/1#?|dibao", "qingdao/shinan", "dibao", December, new Dictionary<StatisticsMetric, long> { [StatisticsMetric.PaidFen] = 120_050 });

        bool first = await store.RecordAsync(paid, CancellationToken.None);
        bool again = await store.RecordAsync(paid, CancellationToken.None);
        await store.RecordAsync(paid with { Key = "paid|file/2|dibao" }, CancellationToken.None);
        var figures = Assert.Single(await store.ReadMonthAsync(December, _ => true, null, CancellationToken.None));

        Assert.True(first);
        Assert.False(again);
        Assert.Equal(2_401.00m, figures.PaidYuan);
        Assert.Equal(("qingdao/shinan", "dibao"), (figures.Jurisdiction, figures.Program));
    }

    [Fact]
    public async Task RecordAsync_ManyWritersAtOnce_OnOneShard_EveryEventCountedExactlyOnce()
    {
        var store = await StoreAsync(shards: 1); // every writer on the same counter row: the ETag path under contention
        var events = Enumerable.Range(0, 60).Select(i => StatisticsEvent.One($"case|c{i}|received", "qingdao/shinan", "dibao", December, StatisticsMetric.Applications)).ToArray();

        var results = await Task.WhenAll(events.Concat(events.Take(20)).Select(e => Task.Run(() => store.RecordAsync(e, CancellationToken.None))));
        var figures = Assert.Single(await store.ReadMonthAsync(December, _ => true, "dibao", CancellationToken.None));

        Assert.Equal(60, figures[StatisticsMetric.Applications]);
        Assert.Equal(60, results.Count(r => r));
    }

    [Fact]
    public async Task ReadMonthAsync_SumsShards_PerJurisdictionAndProgram_WithinScope_AndComputesTheAverage()
    {
        var store = await StoreAsync();
        for (int i = 0; i < 10; i++)
        {
            await store.RecordAsync(new StatisticsEvent($"case|a{i}|decided", "qingdao/shinan", "dibao", December,
                new Dictionary<StatisticsMetric, long> { [StatisticsMetric.Approvals] = 1, [StatisticsMetric.DecisionWorkingDays] = i + 1 }), CancellationToken.None);
        }

        await store.RecordAsync(StatisticsEvent.One("case|b|received", "qingdao/laoshan", "tekun", December, StatisticsMetric.Applications), CancellationToken.None);
        await store.RecordAsync(StatisticsEvent.One("case|c|received", "liyang", "dibao", December, StatisticsMetric.Applications), CancellationToken.None);
        await store.RecordAsync(StatisticsEvent.One("case|d|received", "qingdao/shinan", "dibao", December.Next, StatisticsMetric.Applications), CancellationToken.None);

        var qingdao = await store.ReadMonthAsync(December, j => j.StartsWith("qingdao/", StringComparison.Ordinal), null, CancellationToken.None);
        var shinan = qingdao.Single(f => f.Jurisdiction == "qingdao/shinan");

        Assert.Equal(["qingdao/laoshan", "qingdao/shinan"], qingdao.Select(f => f.Jurisdiction));
        Assert.Equal(10, shinan[StatisticsMetric.Approvals]);
        Assert.Equal(5.5m, shinan.AverageDecisionWorkingDays); // (1 + … + 10) / 10
        Assert.Equal(0, shinan[StatisticsMetric.Applications]); // the January application is January's
        Assert.Equal(1, qingdao.Single(f => f.Jurisdiction == "qingdao/laoshan")[StatisticsMetric.Applications]);
    }

    [Fact]
    public async Task RecordAsync_InvalidEvent_RefusedNamingTheProblem()
    {
        var store = await StoreAsync();

        var negative = await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAsync(
            new StatisticsEvent("k", "qingdao", "dibao", December, new Dictionary<StatisticsMetric, long> { [StatisticsMetric.PaidFen] = -1 }), CancellationToken.None));
        var control = await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAsync(StatisticsEvent.One("k\n", "qingdao", "dibao", December, StatisticsMetric.Applications), CancellationToken.None));

        Assert.Contains("nothing negative", negative.Message, StringComparison.Ordinal);
        Assert.Contains("control characters", control.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Fen.Of(1.005m));
        Assert.Equal(100_001, Fen.Of(1_000.01m));
    }
}
