using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Relief.Cases.Deadlines;
using Relief.Cases.Lifecycle;
using Relief.Cases.Records;
using Relief.Cases.Storage.Cases;
using Relief.Cases.Storage.Tests.Builders;
using Relief.Cases.Transfers;
using Relief.Domain.Decisions;
using Relief.Domain.Explanations;
using Relief.Testing;

namespace Relief.Cases.Storage.Tests.Cases;

public sealed class CaseStoreTests
{
    private readonly FakeTimeProvider _time = new(TestCases.T0);

    private async Task<CaseStore> NewStoreAsync()
    {
        var options = Options.Create(new CaseStoreOptions { TableName = UniqueNames.Table("cases"), ApplicationContainerName = UniqueNames.Container("apps") });
        var store = new CaseStore(await TestStorage.TablesAsync(), await TestStorage.BlobsAsync(), options, _time, NullLogger<CaseStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    [Fact]
    public async Task CreateAsync_NewCase_RoundTripsTheRecordAndTheApplication()
    {
        var store = await NewStoreAsync();
        var record = TestCases.Case("case-1") with
        {
            Decision = new CaseDecisionRecord(DecisionOutcome.Eligible, 1234.56m, AmountKind.Monthly, [],
                [new ExplanationStep("dibao.difference", "Difference", [new ExplanationInput("standard", "700.00")], 1234.56m, 1234.56m)], new DateOnly(2026, 3, 20)),
            Transfers = [new TransferRecord("t1", Department.Medical, "medical assistance", TransferState.Open, TestCases.T0, TestCases.T0.AddDays(7))],
        };

        var created = await store.CreateAsync(record, TestCases.Application(), CancellationToken.None);
        var read = await store.GetAsync("case-1", CancellationToken.None);
        var application = await store.GetApplicationAsync("case-1", CancellationToken.None);

        Assert.True(created.Created);
        Assert.NotNull(created.Record.Version);
        Assert.NotNull(read);
        Assert.Equal(CaseStep.Investigation, read.Step);
        Assert.Equal("qingdao/shinan", read.Jurisdiction);
        Assert.Equal(record.Deadlines, read.Deadlines);
        Assert.Equal(1234.56m, read.Amount);
        Assert.Equal("dibao.difference", read.Decision!.Explanation.Single().Rule);
        Assert.Equal("700.00", read.Decision.Explanation.Single().Inputs.Single().Value);
        Assert.Equal(record.Transfers, read.Transfers);
        Assert.Equal(TestCases.T0, read.CreatedAt);
        Assert.Equal(900.5m, application!.Incomes!.Single().MonthlyAmount);
        Assert.Equal("370202198005170011", application.Members!.Single().ResidentId);
    }

    [Fact]
    public async Task CreateAsync_SameCaseTwice_KeepsTheFirstAndReportsNotCreated()
    {
        var store = await NewStoreAsync();
        await store.CreateAsync(TestCases.Case("case-1"), TestCases.Application(), CancellationToken.None);

        var second = await store.CreateAsync(TestCases.Case("case-1", CaseStep.Refused), TestCases.Application() with { Program = "tekun" }, CancellationToken.None);

        Assert.False(second.Created);
        Assert.Equal(CaseStep.Investigation, second.Record.Step);
        Assert.Equal("dibao", (await store.GetApplicationAsync("case-1", CancellationToken.None))!.Program);
    }

    [Fact]
    public async Task GetAsync_UnknownCase_ReturnsNull()
    {
        var store = await NewStoreAsync();

        Assert.Null(await store.GetAsync("nope", CancellationToken.None));
        Assert.Null(await store.GetApplicationAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task TryUpdateAsync_StaleVersion_ReturnsNullAndKeepsTheFirstWriter()
    {
        var store = await NewStoreAsync();
        var created = (await store.CreateAsync(TestCases.Case("case-1"), TestCases.Application(), CancellationToken.None)).Record;
        _time.Advance(TimeSpan.FromHours(1));

        var first = await store.TryUpdateAsync(created with { Step = CaseStep.Assessment }, CancellationToken.None);
        var stale = await store.TryUpdateAsync(created with { Step = CaseStep.Withdrawn }, CancellationToken.None);

        Assert.NotNull(first);
        Assert.NotEqual(created.Version, first.Version);
        Assert.Null(stale);
        var read = await store.GetAsync("case-1", CancellationToken.None);
        Assert.Equal(CaseStep.Assessment, read!.Step);
        Assert.Equal(TestCases.T0.AddHours(1), read.UpdatedAt);
        Assert.NotNull(await store.TryUpdateAsync(read with { Step = CaseStep.PublicNotice }, CancellationToken.None));
    }

    [Fact]
    public async Task TryUpdateAsync_RecordNeverRead_Throws()
    {
        var store = await NewStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.TryUpdateAsync(TestCases.Case("case-1"), CancellationToken.None));
    }

    [Fact]
    public async Task QueryWorkListAsync_PagesOfTwo_ReturnEveryMatchingCaseOnce()
    {
        var store = await NewStoreAsync();
        for (int i = 1; i <= 5; i++)
        {
            await store.CreateAsync(TestCases.Case($"case-{i}"), TestCases.Application(), CancellationToken.None);
        }

        await store.CreateAsync(TestCases.Case("case-9", CaseStep.PublicNotice), TestCases.Application(), CancellationToken.None);

        var seen = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            var page = await store.QueryWorkListAsync(new WorkListQuery(Step: CaseStep.Investigation, PageSize: 2, ContinuationToken: token), CancellationToken.None);
            Assert.True(page.Cases.Count <= 2);
            seen.AddRange(page.Cases.Select(c => c.CaseId));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(new[] { "case-1", "case-2", "case-3", "case-4", "case-5" }, seen.Order().ToArray());
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task QueryWorkListAsync_OverdueFilter_SplitsOnTheClock()
    {
        var store = await NewStoreAsync();
        await store.CreateAsync(TestCases.Case("due-soon", due: TestCases.T0.AddDays(5)), TestCases.Application(), CancellationToken.None);
        await store.CreateAsync(TestCases.Case("due-earlier", due: TestCases.T0.AddDays(1)), TestCases.Application(), CancellationToken.None);
        await store.CreateAsync(TestCases.Case("ended", CaseStep.Approved, due: TestCases.T0.AddDays(1)), TestCases.Application(), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(2));

        var overdue = await store.QueryWorkListAsync(new WorkListQuery(Overdue: true), CancellationToken.None);
        var onTime = await store.QueryWorkListAsync(new WorkListQuery(Overdue: false), CancellationToken.None);

        Assert.Equal(new[] { "due-earlier" }, overdue.Cases.Select(c => c.CaseId).ToArray());
        Assert.Equal(new[] { "due-soon", "ended" }, onTime.Cases.Select(c => c.CaseId).Order().ToArray());
    }

    [Fact]
    public async Task QueryWorkListAsync_ClosedDeadline_IsNoLongerOverdue()
    {
        var store = await NewStoreAsync();
        var created = (await store.CreateAsync(TestCases.Case("case-1", due: TestCases.T0.AddDays(1)), TestCases.Application(), CancellationToken.None)).Record;
        _time.Advance(TimeSpan.FromDays(2));
        Assert.Single((await store.QueryWorkListAsync(new WorkListQuery(Overdue: true), CancellationToken.None)).Cases);

        await store.TryUpdateAsync(created.CloseDeadline(CaseDeadlineKind.InvestigationStart), CancellationToken.None);

        Assert.Empty((await store.QueryWorkListAsync(new WorkListQuery(Overdue: true), CancellationToken.None)).Cases);
    }

    [Fact]
    public async Task QueryWorkListAsync_Jurisdiction_MatchesTheCityOrOneArea()
    {
        var store = await NewStoreAsync();
        await store.CreateAsync(TestCases.Case("shinan", jurisdiction: "qingdao/shinan"), TestCases.Application(), CancellationToken.None);
        await store.CreateAsync(TestCases.Case("laixi", jurisdiction: "qingdao/laixi"), TestCases.Application(), CancellationToken.None);
        await store.CreateAsync(TestCases.Case("liyang", jurisdiction: "liyang"), TestCases.Application(), CancellationToken.None);

        var city = await store.QueryWorkListAsync(new WorkListQuery(Jurisdiction: "qingdao"), CancellationToken.None);
        var area = await store.QueryWorkListAsync(new WorkListQuery(Jurisdiction: "Qingdao/Laixi"), CancellationToken.None);

        Assert.Equal(new[] { "laixi", "shinan" }, city.Cases.Select(c => c.CaseId).Order().ToArray());
        Assert.Equal("laixi", Assert.Single(area.Cases).CaseId);
        Assert.Null(area.ContinuationToken);
    }

    [Fact]
    public void Constructor_InvalidTableName_Throws()
    {
        var options = Options.Create(new CaseStoreOptions { TableName = "no-dashes" });

        Assert.Throws<ArgumentException>(() => new CaseStore(new Azure.Data.Tables.TableServiceClient("UseDevelopmentStorage=true"), new Azure.Storage.Blobs.BlobServiceClient("UseDevelopmentStorage=true"), options, _time, NullLogger<CaseStore>.Instance));
    }
}
