using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Relief.Cases.Audit;
using Relief.Cases.Storage.Audit;
using Relief.Cases.Storage.Tests.Builders;
using Relief.Testing;

namespace Relief.Cases.Storage.Tests.Audit;

public sealed class AuditLogTests
{
    private static AuditEntry Entry(string caseId, string summary, int minutes = 0) =>
        new(caseId, 0, TestCases.T0.AddMinutes(minutes), AuditEntryKind.Action, "caseworker:0042", "Investigation", summary);

    private static async Task<(AuditLog Log, TableClient Table)> NewLogAsync()
    {
        string table = UniqueNames.Table("audit");
        var tables = await TestStorage.TablesAsync();
        var log = new AuditLog(tables, Options.Create(new AuditLogOptions { TableName = table }), NullLogger<AuditLog>.Instance);
        await log.InitializeAsync(CancellationToken.None);
        return (log, tables.GetTableClient(table));
    }

    [Fact]
    public async Task AppendAsync_ThreeEntries_ReadBackInOrderNumberedFromOne()
    {
        var (log, _) = await NewLogAsync();

        var first = await log.AppendAsync(Entry("case-1", "accepted"), CancellationToken.None);
        await log.AppendAsync(Entry("case-1", "deadline set", 1) with { Kind = AuditEntryKind.DeadlineSet, Due = TestCases.T0.AddDays(3) }, CancellationToken.None);
        await log.AppendAsync(Entry("case-1", "investigation recorded", 2), CancellationToken.None);
        await log.AppendAsync(Entry("case-2", "other case"), CancellationToken.None);

        var entries = await log.ReadAsync("case-1", CancellationToken.None);

        Assert.Equal(1, first.Sequence);
        Assert.Equal(new[] { 1, 2, 3 }, entries.Select(e => e.Sequence).ToArray());
        Assert.Equal(new[] { "accepted", "deadline set", "investigation recorded" }, entries.Select(e => e.Summary).ToArray());
        Assert.Equal(TestCases.T0.AddDays(3), entries[1].Due);
        Assert.Equal(AuditEntryKind.DeadlineSet, entries[1].Kind);
        Assert.Equal("caseworker:0042", entries[0].Actor);
        Assert.Equal(TestCases.T0, entries[0].At);
    }

    [Fact]
    public async Task AppendAsync_ManyConcurrentAppends_KeepsEveryEntryWithDistinctSequences()
    {
        var (log, _) = await NewLogAsync();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => log.AppendAsync(Entry("case-1", $"entry {i}"), CancellationToken.None)));

        var entries = await log.ReadAsync("case-1", CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 12), entries.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"entry {i}").Order(), entries.Select(e => e.Summary).Order());
    }

    [Fact]
    public async Task AppendAsync_SequenceAlreadyWrittenByAnother_NeverOverwritesIt()
    {
        var (log, table) = await NewLogAsync();
        await log.AppendAsync(Entry("case-1", "first"), CancellationToken.None);

        // Another writer took sequence 2 and 3 (e.g. a concurrent append that this one could not see yet).
        await table.AddEntityAsync(new TableEntity("case-1", "0000000002") { ["At"] = TestCases.T0, ["Kind"] = "Action", ["Actor"] = "system", ["Step"] = "Investigation", ["Summary"] = "other writer" });

        var appended = await log.AppendAsync(Entry("case-1", "mine"), CancellationToken.None);

        var entries = await log.ReadAsync("case-1", CancellationToken.None);
        Assert.Equal(3, appended.Sequence);
        Assert.Equal(new[] { "first", "other writer", "mine" }, entries.Select(e => e.Summary).ToArray());
    }

    [Fact]
    public async Task AppendAsync_SameOperationRetried_StoresTheEntryOnce()
    {
        var (log, _) = await NewLogAsync();
        await log.AppendAsync(Entry("case-1", "accepted"), "orch-1:event-1", CancellationToken.None);

        var first = await log.AppendAsync(Entry("case-1", "investigation recorded"), "orch-1:event-2", CancellationToken.None);
        var retry = await log.AppendAsync(Entry("case-1", "investigation recorded", 5), "orch-1:event-2", CancellationToken.None);
        await log.AppendAsync(Entry("case-1", "plain"), CancellationToken.None);

        var entries = await log.ReadAsync("case-1", CancellationToken.None);
        Assert.Equal(first, retry);
        Assert.Equal(2, retry.Sequence);
        Assert.Equal(new[] { "accepted", "investigation recorded", "plain" }, entries.Select(e => e.Summary).ToArray());
        Assert.Equal(new[] { 1, 2, 3 }, entries.Select(e => e.Sequence).ToArray());
    }

    [Fact]
    public async Task AppendAsync_SameOperationConcurrently_StoresTheEntryOnce()
    {
        var (log, _) = await NewLogAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => log.AppendAsync(Entry("case-1", "approved"), "orch-1:event-9", CancellationToken.None)));

        Assert.Single(await log.ReadAsync("case-1", CancellationToken.None));
        Assert.All(results, r => Assert.Equal(1, r.Sequence));
    }

    [Fact]
    public async Task ReadAsync_CaseWithoutEntries_IsEmpty()
    {
        var (log, _) = await NewLogAsync();

        Assert.Empty(await log.ReadAsync("case-1", CancellationToken.None));
    }
}
