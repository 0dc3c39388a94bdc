using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Relief.Cases.Payments;
using Relief.Cases.Storage.Payments;
using Relief.Cases.Storage.Tests.Builders;
using Relief.Testing;

namespace Relief.Cases.Storage.Tests.Payments;

/// <summary>Register, ledger, progress and batch queue on Azurite under names unique to one test.</summary>
internal sealed class PaymentStorage
{
    private PaymentStorage(PaymentStorageOptions options, BeneficiaryRegister register, PaymentLedger ledger, PayrollProgress progress, PaymentBatchWriter batches, Azure.Storage.Queues.QueueServiceClient queues)
    {
        Options = options;
        Register = register;
        Ledger = ledger;
        Progress = progress;
        Batches = batches;
        Queues = queues;
        Runner = new PayrollShardRunner(register, ledger, batches, progress, TimeProvider.System, NullLogger<PayrollShardRunner>.Instance);
    }

    public PaymentStorageOptions Options { get; }

    public BeneficiaryRegister Register { get; }

    public PaymentLedger Ledger { get; }

    public PayrollProgress Progress { get; }

    public PaymentBatchWriter Batches { get; }

    public PayrollShardRunner Runner { get; }

    public Azure.Storage.Queues.QueueServiceClient Queues { get; }

    public static async Task<PaymentStorage> CreateAsync(int shards = 4)
    {
        var options = new PaymentStorageOptions
        {
            RegisterTableName = UniqueNames.Table("reg"),
            LedgerTableName = UniqueNames.Table("ledger"),
            PayrollTableName = UniqueNames.Table("payrolls"),
            BatchQueueName = UniqueNames.Queue("batches"),
            Shards = shards,
        };
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var tables = await TestStorage.TablesAsync();
        var queues = await TestStorage.QueuesAsync();
        var storage = new PaymentStorage(
            options,
            new BeneficiaryRegister(tables, wrapped, NullLogger<BeneficiaryRegister>.Instance),
            new PaymentLedger(tables, wrapped, TimeProvider.System, NullLogger<PaymentLedger>.Instance),
            new PayrollProgress(tables, wrapped),
            new PaymentBatchWriter(queues, wrapped),
            queues);
        await storage.Register.InitializeAsync(CancellationToken.None);
        await storage.Ledger.InitializeAsync(CancellationToken.None);
        await storage.Progress.InitializeAsync(CancellationToken.None);
        await storage.Batches.InitializeAsync(CancellationToken.None);
        return storage;
    }

    public static EntitlementChange Change(EntitlementChangeKind kind, string from, decimal? amount = null, string? until = null) =>
        new(kind, PayPeriod.Parse(from), amount, until is null ? null : PayPeriod.Parse(until), "test", "case-test", TestCases.T0);

    public async Task<Entitlement> EnrolAsync(string beneficiary, decimal amount, string from, string jurisdiction = "qingdao/shinan", string program = "dibao")
    {
        var entitlement = Entitlement.Enrol(beneficiary, program, jurisdiction, "case-" + beneficiary, 2, Change(EntitlementChangeKind.Enrolled, from, amount)).Entitlement!;
        return (await Register.EnrolAsync(entitlement, CancellationToken.None)).Entitlement;
    }

    /// <summary>Runs every shard of <paramref name="root"/> for <paramref name="period"/>.</summary>
    public async Task<IReadOnlyList<PayrollShardResult>> PayAsync(string root, string period)
    {
        var results = new List<PayrollShardResult>();
        await Progress.StartedAsync(root, period, Options.Shards, TestCases.T0, CancellationToken.None);
        for (int shard = 0; shard < Options.Shards; shard++)
        {
            results.Add(await Runner.RunAsync(root, PayPeriod.Parse(period), shard, TestCases.T0, CancellationToken.None));
        }

        return results;
    }

    /// <summary>Every instruction of a period in the ledger.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> LedgerAsync(string root, string period)
    {
        var entries = new List<LedgerEntry>();
        for (int shard = 0; shard < Options.Shards; shard++)
        {
            await foreach (var entry in Ledger.ReadAsync(root, period, shard, CancellationToken.None)) entries.Add(entry);
        }

        return entries;
    }
}
