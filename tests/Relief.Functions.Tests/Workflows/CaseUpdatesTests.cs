using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Relief.Cases.Audit;
using Relief.Cases.Storage.Audit;
using Relief.Cases.Storage.Cases;
using Relief.Functions.Workflows;
using Relief.Testing;

namespace Relief.Functions.Tests.Workflows;

/// <summary>
/// The audit appends of workflow activities, on Azurite: a retried activity writes its records once, and a different
/// change that a replay after a crash gave the same operation id is written too, not taken for a repeat.
/// </summary>
public sealed class CaseUpdatesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static async Task<(CaseUpdates Updates, AuditLog Log)> NewAsync()
    {
        var azurite = await AzuriteServer.Shared;
        var tables = new TableServiceClient(azurite.ConnectionString);
        var log = new AuditLog(tables, Options.Create(new AuditLogOptions { TableName = UniqueNames.Table("audit") }), NullLogger<AuditLog>.Instance);
        await log.InitializeAsync(CancellationToken.None);
        var cases = new CaseStore(tables, new BlobServiceClient(azurite.ConnectionString),
            Options.Create(new CaseStoreOptions { TableName = UniqueNames.Table("cases"), ApplicationContainerName = UniqueNames.Container("apps") }),
            new FakeTimeProvider(T0), NullLogger<CaseStore>.Instance);
        return (new CaseUpdates(cases, log), log);
    }

    private static AuditNote Note(string summary) => new(AuditEntryKind.Action, "system", summary);

    [Fact]
    public async Task AppendWorkflow_SameOperationSameNotes_WrittenOnce()
    {
        var (updates, log) = await NewAsync();

        await updates.AppendWorkflowAsync("case-1", "case-1:7", "Investigation", T0, [Note("Deadline set."), Note("Every agency has answered.")], CancellationToken.None);
        await updates.AppendWorkflowAsync("case-1", "case-1:7", "Investigation", T0.AddSeconds(5), [Note("Deadline set."), Note("Every agency has answered.")], CancellationToken.None);

        var entries = await log.ReadAsync("case-1", CancellationToken.None);
        Assert.Equal(new[] { "Deadline set.", "Every agency has answered." }, entries.Select(e => e.Summary).ToArray());
    }

    [Fact]
    public async Task AppendWorkflow_SameOperationIdGivenToAnotherChangeByAReplay_BothWritten()
    {
        var (updates, log) = await NewAsync();

        // The episode that died after its activity ran: operation 7 escalated a deadline. Its replay gave 7 to the
        // answers being complete.
        await updates.AppendWorkflowAsync("case-1", "case-1:7", "Investigation", T0, [new AuditNote(AuditEntryKind.Escalation, "system", "Deadline EconomicVerificationAnswers passed.")], CancellationToken.None);
        await updates.AppendWorkflowAsync("case-1", "case-1:7", "Investigation", T0.AddSeconds(5), [Note("Every agency has answered.")], CancellationToken.None);

        var entries = await log.ReadAsync("case-1", CancellationToken.None);
        Assert.Equal(new[] { "Deadline EconomicVerificationAnswers passed.", "Every agency has answered." }, entries.Select(e => e.Summary).ToArray());
    }

    [Fact]
    public async Task Append_NamedOperation_OncePerOperation_WhateverTheText()
    {
        var (updates, log) = await NewAsync();

        await updates.AppendAsync("case-1", "request-1:answer", "Investigation", T0, [Note("Tax answered.")], CancellationToken.None);
        await updates.AppendAsync("case-1", "request-1:answer", "Investigation", T0.AddSeconds(5), [Note("Tax answered (redelivered).")], CancellationToken.None);

        Assert.Single(await log.ReadAsync("case-1", CancellationToken.None));
    }
}
