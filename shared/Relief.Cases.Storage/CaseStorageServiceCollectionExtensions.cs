using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Relief.Cases.Identifiers;
using Relief.Cases.Storage.Audit;
using Relief.Cases.Storage.Cases;
using Relief.Cases.Storage.Documents;
using Relief.Cases.Storage.Feeds;
using Relief.Cases.Storage.Statistics;
using Relief.Cases.Storage.Idempotency;
using Relief.Cases.Storage.Payments;
using Relief.Cases.Storage.Reviews;
using Relief.Cases.Storage.Queues;

namespace Relief.Cases.Storage;

/// <summary>Registers the case storage adapters.</summary>
public static class CaseStorageServiceCollectionExtensions
{
    /// <summary>
    /// How long a table or queue request may go unanswered before it is retried: 35 s. The services answer within their
    /// own 30-second server timeout, so a request silent for longer was lost (a dropped connection); the SDK's default of
    /// 100 s per attempt held a queue-triggered function, and its message, for up to ten minutes over its retries when that
    /// happened (seen with in-memory Azurite under the feed burst). Blob transfers keep the default (large documents).
    /// </summary>
    public static readonly TimeSpan TableAndQueueNetworkTimeout = TimeSpan.FromSeconds(35);

    /// <summary>
    /// Registers <see cref="CaseStore"/>, <see cref="AuditLog"/>, <see cref="IdempotencyStore"/>,
    /// <see cref="DocumentStore"/>, <see cref="PaymentInstructionWriter"/>, <see cref="SupervisionWriter"/> and <see cref="VerificationRequestWriter"/> as
    /// singletons (also as <see cref="ICaseStore"/>, <see cref="IAuditLog"/> … for substitution in tests), their options bound from the sections named by each options class (validated at start), and a
    /// hosted service that creates their tables, containers and queues at start. Storage clients, the
    /// <see cref="TimeProvider"/> and the <see cref="IIdentifierSource"/> already registered are used; otherwise the
    /// clients come from the <c>AzureWebJobsStorage</c> connection string, the time from
    /// <see cref="TimeProvider.System"/> and ids from <see cref="RandomIdentifierSource"/>.
    /// </summary>
    public static IServiceCollection AddCaseStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        Bind<CaseStoreOptions>(services, configuration, CaseStoreOptions.Section, o => o.Validate());
        Bind<AuditLogOptions>(services, configuration, AuditLogOptions.Section, o => o.Validate());
        Bind<IdempotencyStoreOptions>(services, configuration, IdempotencyStoreOptions.Section, o => o.Validate());
        Bind<DocumentStoreOptions>(services, configuration, DocumentStoreOptions.Section, o => o.Validate());
        Bind<PaymentQueueOptions>(services, configuration, PaymentQueueOptions.Section, o => o.Validate());
        Bind<SupervisionQueueOptions>(services, configuration, SupervisionQueueOptions.Section, o => o.Validate());
        Bind<VerificationQueueOptions>(services, configuration, VerificationQueueOptions.Section, o => o.Validate());
        Bind<PaymentStorageOptions>(services, configuration, PaymentStorageOptions.Section, o => o.Validate());
        Bind<BankOptions>(services, configuration, BankOptions.Section, o => o.Validate());
        Bind<ReviewStorageOptions>(services, configuration, ReviewStorageOptions.Section, o => o.Validate());
        Bind<DiscoveryStorageOptions>(services, configuration, DiscoveryStorageOptions.Section, o => o.Validate());
        Bind<StatisticsStorageOptions>(services, configuration, StatisticsStorageOptions.Section, o => o.Validate());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdentifierSource>(RandomIdentifierSource.Instance);
        services.TryAddSingleton(_ => new TableServiceClient(ConnectionString(configuration), new TableClientOptions { Retry = { NetworkTimeout = TableAndQueueNetworkTimeout } }));
        services.TryAddSingleton(_ => new BlobServiceClient(ConnectionString(configuration)));
        services.TryAddSingleton(_ => new QueueServiceClient(ConnectionString(configuration), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None, Retry = { NetworkTimeout = TableAndQueueNetworkTimeout } }));

        services.TryAddSingleton<CaseStore>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<IdempotencyStore>();
        services.TryAddSingleton<DocumentStore>();
        services.TryAddSingleton<PaymentInstructionWriter>();
        services.TryAddSingleton<SupervisionWriter>();
        services.TryAddSingleton<VerificationRequestWriter>();
        services.TryAddSingleton<BeneficiaryRegister>();
        services.TryAddSingleton<PaymentLedger>();
        services.TryAddSingleton<PayrollProgress>();
        services.TryAddSingleton<PaymentBatchWriter>();
        services.TryAddSingleton<PayrollShardRunner>();
        services.TryAddSingleton<BankFileSender>();
        services.TryAddSingleton<BankStatusReceiver>();
        services.TryAddSingleton<PaymentReconciler>();
        services.TryAddSingleton<PayeeCorrections>();
        services.TryAddSingleton<ReviewStore>();
        services.TryAddSingleton<FeedRecordStore>();
        services.TryAddSingleton<PeopleIndex>();
        services.TryAddSingleton<LeadStore>();
        services.TryAddSingleton<VisitStore>();
        services.TryAddSingleton<HandoverStore>();
        services.TryAddSingleton<StatisticsStore>();
        services.TryAddSingleton<ICaseStore>(sp => sp.GetRequiredService<CaseStore>());
        services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.TryAddSingleton<IIdempotencyStore>(sp => sp.GetRequiredService<IdempotencyStore>());
        services.TryAddSingleton<IDocumentStore>(sp => sp.GetRequiredService<DocumentStore>());
        services.TryAddSingleton<IPaymentInstructionWriter>(sp => sp.GetRequiredService<PaymentInstructionWriter>());
        services.TryAddSingleton<ISupervisionWriter>(sp => sp.GetRequiredService<SupervisionWriter>());
        services.TryAddSingleton<IVerificationRequestWriter>(sp => sp.GetRequiredService<VerificationRequestWriter>());
        services.AddHostedService<CaseStorageInitializer>();
        return services;
    }

    private static void Bind<T>(IServiceCollection services, IConfiguration configuration, string section, Action<T> validate)
        where T : class
    {
        services.AddOptions<T>()
            .Bind(configuration.GetSection(section))
            .Validate(o =>
            {
                validate(o);
                return true;
            })
            .ValidateOnStart();
    }

    private static string ConnectionString(IConfiguration configuration) =>
        configuration["AzureWebJobsStorage"] ?? configuration["Values:AzureWebJobsStorage"]
        ?? throw new InvalidOperationException("AzureWebJobsStorage is not configured.");
}

/// <summary>Creates the case storage tables, containers and queues when the host starts.</summary>
public sealed class CaseStorageInitializer(
    CaseStore cases,
    AuditLog audit,
    IdempotencyStore idempotency,
    DocumentStore documents,
    PaymentInstructionWriter payments,
    SupervisionWriter supervision,
    VerificationRequestWriter verification,
    BeneficiaryRegister register,
    PaymentLedger ledger,
    PayrollProgress payrolls,
    PaymentBatchWriter batches,
    BankFileSender bankFiles,
    BankStatusReceiver bankStatuses,
    PayeeCorrections payees,
    ReviewStore reviews,
    FeedRecordStore feedRecords,
    PeopleIndex people,
    LeadStore leads,
    VisitStore visits,
    HandoverStore handovers,
    StatisticsStore statistics) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await cases.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await audit.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await idempotency.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await documents.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await payments.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await supervision.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await verification.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await register.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await ledger.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await payrolls.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await batches.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await bankFiles.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await bankStatuses.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await payees.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await reviews.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await feedRecords.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await people.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await leads.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await visits.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await handovers.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await statistics.InitializeAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
