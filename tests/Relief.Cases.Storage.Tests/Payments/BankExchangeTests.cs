using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Relief.BankSimulator;
using Relief.Cases.Intake;
using Relief.Cases.Payments;
using Relief.Cases.Payments.Banking;
using Relief.Cases.Storage.Cases;
using Relief.Cases.Storage.Payments;
using Relief.Cases.Storage.Queues;
using Relief.Cases.Storage.Tests.Builders;
using Relief.Testing;

namespace Relief.Cases.Storage.Tests.Payments;

/// <summary>The bank adapter against the bank simulator: a real file exchange through Azurite containers and queues.</summary>
public sealed class BankExchangeTests
{
    private const string GoodAccount = "6222000011112222";
    private const string WrongAccount = "6222000011113333";
    private const string ClosedAccount = "6222000011114444";

    private sealed record Exchange(PaymentStorage Storage, CaseStore Cases, BankFileSender Sender, BankStatusReceiver Receiver, Relief.BankSimulator.BankSimulator Bank, BankOptions Options, BlobServiceClient Blobs, PayeeCorrections Corrections);

    private static async Task<Exchange> CreateAsync()
    {
        var storage = await PaymentStorage.CreateAsync(shards: 2);
        var blobs = await TestStorage.BlobsAsync();
        var options = new BankOptions
        {
            OutboxContainerName = UniqueNames.Container("outbox"),
            InboxContainerName = UniqueNames.Container("inbox"),
            ManifestContainerName = UniqueNames.Container("manifests"),
            StatusQueueName = UniqueNames.Queue("bank-status"),
            RejectionQueueName = UniqueNames.Queue("rejections"),
            PayeeContainerName = UniqueNames.Container("payees"),
        };
        var corrections = new PayeeCorrections(blobs, Options.Create(options));
        await corrections.InitializeAsync(CancellationToken.None);
        var cases = new CaseStore(await TestStorage.TablesAsync(), blobs, Options.Create(new CaseStoreOptions { TableName = UniqueNames.Table("cases"), ApplicationContainerName = UniqueNames.Container("apps") }), new FakeTimeProvider(TestCases.T0), NullLogger<CaseStore>.Instance);
        await cases.InitializeAsync(CancellationToken.None);
        var sender = new BankFileSender(storage.Ledger, cases, corrections, blobs, storage.Queues, Options.Create(options), TimeProvider.System, NullLogger<BankFileSender>.Instance);
        var receiver = new BankStatusReceiver(storage.Ledger, blobs, storage.Queues, Options.Create(options), NullLogger<BankStatusReceiver>.Instance);
        await sender.InitializeAsync(CancellationToken.None);
        await receiver.InitializeAsync(CancellationToken.None);
        var bankOptions = new BankSimulatorOptions { OutboxContainerName = options.OutboxContainerName, InboxContainerName = options.InboxContainerName, StatusQueueName = options.StatusQueueName };
        bankOptions.Rejections[WrongAccount] = "AC01";
        bankOptions.Rejections[ClosedAccount] = "AC04";
        var bank = new Relief.BankSimulator.BankSimulator(blobs, storage.Queues, bankOptions, TimeProvider.System);
        return new Exchange(storage, cases, sender, receiver, bank, options, blobs, corrections);
    }

    /// <summary>Enrols a household whose application names <paramref name="account"/> (null: no account on file).</summary>
    private static async Task EnrolAsync(Exchange x, string beneficiary, decimal amount, string? account)
    {
        string caseId = "case-" + beneficiary;
        var application = TestCases.Application() with { Payee = account is null ? null : new PayeeRequest { AccountHolder = "张三", AccountNumber = account, BankCode = "102100099996" } };
        await x.Cases.CreateAsync(TestCases.Case(caseId), application, CancellationToken.None);
        var entitlement = Entitlement.Enrol(beneficiary, "dibao", "qingdao/shinan", caseId, 2, PaymentStorage.Change(EntitlementChangeKind.Enrolled, "2026-04", amount)).Entitlement!;
        await x.Storage.Register.EnrolAsync(entitlement, CancellationToken.None);
    }

    private static Task<IReadOnlyList<PaymentBatchMessage>> DrainBatchesAsync(Exchange x) => DrainAsync<PaymentBatchMessage>(x, x.Storage.Options.BatchQueueName);

    private static async Task<IReadOnlyList<T>> DrainAsync<T>(Exchange x, string queueName)
    {
        var queue = x.Storage.Queues.GetQueueClient(queueName);
        var items = new List<T>();
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } messages)
        {
            foreach (var m in messages)
            {
                items.Add(QueueMessageText.Decode<T>(m.MessageText));
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            }
        }

        return items;
    }

    private static async Task<List<string>> OutboxFilesAsync(Exchange x)
    {
        var names = new List<string>();
        await foreach (var blob in x.Blobs.GetBlobContainerClient(x.Options.OutboxContainerName).GetBlobsAsync()) names.Add(blob.Name);
        return names;
    }

    // Issue 11 acceptance: pain.001 files well-formed with matching count and control sum; pain.002 with AC01 and AC04
    // rejections → ledger and work items; the money of a rejected payment waits, never lost.
    [Fact]
    public async Task Payroll_ThroughTheBank_PaidAndRejectedRecorded_RejectionsBecomeWorkItems()
    {
        var x = await CreateAsync();
        await EnrolAsync(x, "hh-good", 1100m, GoodAccount);
        await EnrolAsync(x, "hh-wrong", 700.50m, WrongAccount);
        await EnrolAsync(x, "hh-closed", 300m, ClosedAccount);
        await x.Storage.PayAsync("qingdao", "2026-04");

        var files = new List<string>();
        foreach (var batch in await DrainBatchesAsync(x)) files.Add((await x.Sender.SendAsync(batch, CancellationToken.None)).FileId);
        foreach (var report in await x.Bank.RunOnceAsync(CancellationToken.None)) await x.Receiver.ReceiveAsync(report, CancellationToken.None);

        // The files: XML in the pain.001.001.03 namespace, count and control sum matching their transfers.
        foreach (string name in await OutboxFilesAsync(x))
        {
            string xml = (await x.Blobs.GetBlobContainerClient(x.Options.OutboxContainerName).GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString();
            Assert.Equal(CreditTransferFile.Ns + "Document", XDocument.Parse(xml).Root!.Name);
            var file = CreditTransferFile.Read(xml);
            Assert.Equal(file.Transfers.Count, file.Count);
            Assert.Equal(file.Transfers.Sum(t => t.Amount), file.ControlSum);
            Assert.All(file.Transfers, t => Assert.Matches("^R[0-9A-F]{32}$", t.EndToEndId));
        }

        var ledger = (await x.Storage.LedgerAsync("qingdao", "2026-04")).ToDictionary(e => e.Instruction.BeneficiaryId, e => e.Status);
        Assert.Equal(PaymentStatus.Paid, ledger["hh-good"]);
        Assert.Equal(PaymentStatus.Rejected, ledger["hh-wrong"]);
        Assert.Equal(PaymentStatus.Rejected, ledger["hh-closed"]);
        var work = await DrainAsync<PaymentRejectionMessage>(x, x.Options.RejectionQueueName);
        Assert.Equal(["AC01", "AC04"], work.Select(w => w.ReasonCode).Order());
        Assert.Contains(work, w => w.CaseId == "case-hh-wrong" && w.Amount == 700.50m && w.Period == "2026-04");
    }

    // Issue 11 acceptance: the same bank batch delivered twice → paid once; a crash between writing the bank file and
    // recording it → no second file for the same payments (here: the payments were tied to the file, the file not yet
    // written — the redelivery writes that one file; a rerun's batch for the same payments writes none).
    [Fact]
    public async Task BatchDeliveredTwice_OrAnnouncedAgainByARerun_OneFile_PaidOnce()
    {
        var x = await CreateAsync();
        await EnrolAsync(x, "hh-a", 1100m, GoodAccount);
        await EnrolAsync(x, "hh-b", 900m, GoodAccount);
        await x.Storage.PayAsync("qingdao", "2026-04");
        var batches = await DrainBatchesAsync(x);

        // A first delivery that died after tying its payments to the file, before writing it:
        foreach (var batch in batches)
        {
            foreach (string key in batch.Keys)
            {
                await x.Storage.Ledger.TransitionAsync(PayrollShards.LedgerPartition(batch.Jurisdiction, batch.LedgerMonth, batch.Shard), key, PaymentStatus.Sent, null, BankFileSender.FileId(batch), CancellationToken.None);
            }
        }

        Assert.Empty(await OutboxFilesAsync(x));
        foreach (var batch in batches) await x.Sender.SendAsync(batch, CancellationToken.None); // the redelivery
        foreach (var batch in batches) await x.Sender.SendAsync(batch, CancellationToken.None); // and once more
        await x.Storage.PayAsync("qingdao", "2026-04"); // a rerun announces nothing: the payments are sent
        Assert.Empty(await DrainBatchesAsync(x));
        foreach (var batch in batches) await x.Sender.SendAsync(batch with { RunId = "another-run" }, CancellationToken.None); // a stale announcement of another run
        var files = (await OutboxFilesAsync(x)).Where(n => n.EndsWith(".xml", StringComparison.Ordinal)).ToArray();

        Assert.Equal(batches.Count, files.Length);
        var reports = await x.Bank.RunOnceAsync(CancellationToken.None);
        foreach (var report in reports) await x.Receiver.ReceiveAsync(report, CancellationToken.None);
        foreach (var report in reports) await x.Receiver.ReceiveAsync(report, CancellationToken.None); // a report read twice
        var ledger = await x.Storage.LedgerAsync("qingdao", "2026-04");
        Assert.All(ledger, e => Assert.Equal(PaymentStatus.Paid, e.Status));
        var events = await x.Storage.Ledger.EventsAsync(PayrollShards.LedgerPartition("qingdao", "2026-04", PayrollShards.Of("hh-a", 2)), ledger.Single(e => e.Instruction.BeneficiaryId == "hh-a").Instruction.IdempotencyKey, CancellationToken.None);
        Assert.Equal([PaymentStatus.Instructed, PaymentStatus.Sent, PaymentStatus.Paid], events.Select(e => e.Status));
        int transfers = 0;
        foreach (string name in files)
        {
            string xml = (await x.Blobs.GetBlobContainerClient(x.Options.OutboxContainerName).GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString();
            transfers += CreditTransferFile.Read(xml).Count;
        }

        Assert.Equal(2, transfers);
    }

    [Fact]
    public async Task NoAccountOnFile_PaymentHeldInstructed_WorkItemRaised_NoFile()
    {
        var x = await CreateAsync();
        await EnrolAsync(x, "hh-none", 500m, account: null);
        await x.Storage.PayAsync("qingdao", "2026-04");

        foreach (var batch in await DrainBatchesAsync(x)) Assert.Equal(0, (await x.Sender.SendAsync(batch, CancellationToken.None)).Transfers);

        Assert.Empty(await OutboxFilesAsync(x));
        Assert.Equal(PaymentStatus.Instructed, Assert.Single(await x.Storage.LedgerAsync("qingdao", "2026-04")).Status);
        Assert.Equal("NOACCOUNT", Assert.Single(await DrainAsync<PaymentRejectionMessage>(x, x.Options.RejectionQueueName)).ReasonCode);
    }

    [Fact]
    public async Task StatusReport_NotYetInTheInbox_Throws_SoTheQueueRetries_ThenRecorded()
    {
        var x = await CreateAsync();
        await EnrolAsync(x, "hh-a", 1100m, GoodAccount);
        await x.Storage.PayAsync("qingdao", "2026-04");
        foreach (var batch in await DrainBatchesAsync(x)) await x.Sender.SendAsync(batch, CancellationToken.None);
        string file = (await OutboxFilesAsync(x)).Single(n => n.EndsWith(".xml", StringComparison.Ordinal));
        string reportName = file[..^4] + ".pain002.xml";

        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => x.Receiver.ReceiveAsync(reportName, CancellationToken.None)); // a technical failure: retried
        await x.Bank.RunOnceAsync(CancellationToken.None);
        var (paid, rejected, unknown) = await x.Receiver.ReceiveAsync(reportName, CancellationToken.None);

        Assert.Equal((1, 0, 0), (paid, rejected, unknown));
    }

    [Fact]
    public async Task StatusReport_ForAFileNeverSent_RefusedWithTheReason()
    {
        var x = await CreateAsync();
        string report = PaymentStatusReport.Write("S1", "B00000000000000000000000000000000", TestCases.T0, [new TransferStatus("R1", "ACSC", null)]);
        await x.Blobs.GetBlobContainerClient(x.Options.InboxContainerName).GetBlobClient("stray.xml").UploadAsync(BinaryData.FromString(report));

        var error = await Assert.ThrowsAsync<FormatException>(() => x.Receiver.ReceiveAsync("stray.xml", CancellationToken.None));

        Assert.Contains("did not send", error.Message, StringComparison.Ordinal);
    }

    // Issue 11 acceptance: reconciliation balances (instructed = paid + rejected + pending, in count and yuan), and an
    // injected difference is listed.
    [Fact]
    public async Task Reconciliation_Balances_AndAnInjectedDifferenceIsListed()
    {
        var x = await CreateAsync();
        await EnrolAsync(x, "hh-good", 1100m, GoodAccount);
        await EnrolAsync(x, "hh-wrong", 700.50m, WrongAccount);
        await EnrolAsync(x, "hh-none", 300m, account: null);
        await x.Storage.PayAsync("qingdao", "2026-04");
        foreach (var batch in await DrainBatchesAsync(x)) await x.Sender.SendAsync(batch, CancellationToken.None);
        foreach (var report in await x.Bank.RunOnceAsync(CancellationToken.None)) await x.Receiver.ReceiveAsync(report, CancellationToken.None);
        var reconciler = new PaymentReconciler(await TestStorage.TablesAsync(), x.Blobs, Options.Create(x.Storage.Options), Options.Create(x.Options));

        var clean = await reconciler.ReconcileAsync("qingdao", "2026-04", CancellationToken.None);

        Assert.True(clean.Balanced, string.Join("; ", clean.Differences.Select(d => d.Detail)));
        Assert.Equal(new PaymentTotal(3, 2100.50m), clean.Instructed);
        Assert.Equal(new PaymentTotal(1, 1100m), clean.Paid);
        Assert.Equal(new PaymentTotal(1, 700.50m), clean.Rejected);
        Assert.Equal(new PaymentTotal(1, 300m), clean.Pending);

        // Someone changes a paid amount in the ledger table behind the application's back.
        var table = (await TestStorage.TablesAsync()).GetTableClient(x.Storage.Options.LedgerTableName);
        var good = (await x.Storage.LedgerAsync("qingdao", "2026-04")).Single(e => e.Instruction.BeneficiaryId == "hh-good").Instruction;
        string partition = PayrollShards.LedgerPartition("qingdao", "2026-04", PayrollShards.Of("hh-good", 2));
        var row = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(partition, good.IdempotencyKey)).Value;
        row["Amount"] = "1200.00";
        await table.UpdateEntityAsync(row, row.ETag);

        var tampered = await reconciler.ReconcileAsync("qingdao", "2026-04", CancellationToken.None);

        Assert.False(tampered.Balanced);
        Assert.Contains(tampered.Differences, d => d.Key == good.IdempotencyKey && d.Detail.Contains("1100.00 in bank file", StringComparison.Ordinal));
        Assert.Contains(tampered.Differences, d => d.Key == good.IdempotencyKey && d.Detail.Contains("110000 fen", StringComparison.Ordinal));
    }

    // DOMAIN.md § Money after the decision: a bank rejection goes to a caseworker and the money waits, never lost —
    // once the account is corrected the same payment (same key, no second instruction) is paid.
    [Fact]
    public async Task Rejected_AccountCorrected_TheSamePaymentSentAgainAndPaid()
    {
        var x = await CreateAsync();
        await EnrolAsync(x, "hh-closed", 300m, ClosedAccount);
        await x.Storage.PayAsync("qingdao", "2026-04");
        foreach (var batch in await DrainBatchesAsync(x)) await x.Sender.SendAsync(batch, CancellationToken.None);
        foreach (var report in await x.Bank.RunOnceAsync(CancellationToken.None)) await x.Receiver.ReceiveAsync(report, CancellationToken.None);
        var work = Assert.Single(await DrainAsync<PaymentRejectionMessage>(x, x.Options.RejectionQueueName));

        // What PUT /api/applications/{caseId}/payee does: the correction, the payment back to instructed, a batch.
        await x.Corrections.RecordAsync(work.CaseId, new Payee("张三", GoodAccount, "102100099996"), TestCases.T0.AddDays(3), CancellationToken.None);
        string partition = PayrollShards.LedgerPartition("qingdao", work.LedgerMonth, PayrollShards.Of("hh-closed", 2));
        Assert.Equal(LedgerTransitionOutcome.Moved, (await x.Storage.Ledger.TransitionAsync(partition, work.IdempotencyKey, PaymentStatus.Instructed, "account corrected", null, CancellationToken.None)).Outcome);
        await x.Sender.SendAsync(new PaymentBatchMessage("qingdao", work.LedgerMonth, PayrollShards.Of("hh-closed", 2), 1, [work.IdempotencyKey], work.Amount, "correction-1"), CancellationToken.None);
        foreach (var report in await x.Bank.RunOnceAsync(CancellationToken.None)) await x.Receiver.ReceiveAsync(report, CancellationToken.None);

        var entry = Assert.Single(await x.Storage.LedgerAsync("qingdao", "2026-04"));
        Assert.Equal(PaymentStatus.Paid, entry.Status);
        var events = await x.Storage.Ledger.EventsAsync(partition, work.IdempotencyKey, CancellationToken.None);
        Assert.Equal([PaymentStatus.Instructed, PaymentStatus.Sent, PaymentStatus.Rejected, PaymentStatus.Instructed, PaymentStatus.Sent, PaymentStatus.Paid], events.Select(e => e.Status));
        Assert.Equal("AC04", events[2].Detail);
        Assert.Equal(2, (await OutboxFilesAsync(x)).Count(n => n.EndsWith(".xml", StringComparison.Ordinal)));
    }
}
