using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Relief.Cases.Audit;
using Relief.Cases.Storage.Audit;
using Relief.Cases.Storage.Cases;
using Relief.Cases.Storage.Documents;
using Relief.Cases.Storage.Tests.Builders;
using Relief.Testing;

namespace Relief.Cases.Storage.Tests;

public sealed class CaseStorageServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddCaseStorage_WithConfiguration_BindsOptionsAndCreatesTheResourcesAtStart()
    {
        var azurite = await AzuriteServer.Shared;
        string cases = UniqueNames.Table("cases");
        string audit = UniqueNames.Table("audit");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Relief:Cases:Store:TableName"] = cases,
            ["Relief:Cases:Store:ApplicationContainerName"] = UniqueNames.Container("apps"),
            ["Relief:Cases:Audit:TableName"] = audit,
            ["Relief:Cases:Idempotency:TableName"] = UniqueNames.Table("idem"),
            ["Relief:Cases:Documents:ContainerName"] = UniqueNames.Container("docs"),
            ["Relief:Cases:Documents:MaxBytes"] = "2048",
            ["Relief:Cases:Payments:QueueName"] = UniqueNames.Queue("payments"),
            ["Relief:Cases:Supervision:QueueName"] = UniqueNames.Queue("supervision"),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddCaseStorage(configuration);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        Assert.Equal(2048, provider.GetRequiredService<IOptions<DocumentStoreOptions>>().Value.MaxBytes);
        var created = await provider.GetRequiredService<ICaseStore>().CreateAsync(TestCases.Case("case-1"), TestCases.Application(), CancellationToken.None);
        Assert.True(created.Created);
        var entry = await provider.GetRequiredService<IAuditLog>().AppendAsync(
            new AuditEntry("case-1", 0, TestCases.T0, AuditEntryKind.StepChanged, "system", "Investigation", "accepted"), CancellationToken.None);
        Assert.Equal(1, entry.Sequence);
    }

    [Fact]
    public void AddCaseStorage_InvalidOption_FailsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Relief:Cases:Audit:TableName"] = "bad-name",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddCaseStorage(configuration).BuildServiceProvider();

        Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IOptions<AuditLogOptions>>().Value);
    }
}
