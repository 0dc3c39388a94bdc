using System.Text.Json;
using Relief.Cases.Payments;
using Relief.Cases.Storage.Payments;
using Relief.Cases.Storage.Queues;
using Relief.Cases.Storage.Tests.Builders;

namespace Relief.Cases.Storage.Tests.Payments;

public sealed class PayrollShardRunnerTests
{
    // Issue 11 acceptance: three months of payroll for a mixed set of households — each active entitlement paid once
    // per month with the amount in force (an adjustment from the next month, a gradual exit ending, a termination
    // stopping from the next month, an instalment plan finishing).
    [Fact]
    public async Task ThreeMonths_MixedHouseholds_EachPaidOncePerMonthTheAmountInForce()
    {
        var storage = await PaymentStorage.CreateAsync();
        await storage.EnrolAsync("hh-steady", 1100m, "2026-01");
        await storage.EnrolAsync("hh-adjusted", 700m, "2026-01");
        await storage.EnrolAsync("hh-exiting", 500m, "2026-01");
        await storage.EnrolAsync("hh-terminated", 300m, "2026-01");
        await storage.EnrolAsync("hh-late", 900m, "2026-03");
        await storage.EnrolAsync("hh-elsewhere", 800m, "2026-01", jurisdiction: "liyang");
        var plan = new[]
        {
            new PlannedPayment(PayPeriod.Parse("2026-01"), "instalment-1@case-plan", 333.34m),
            new PlannedPayment(PayPeriod.Parse("2026-02"), "instalment-2@case-plan", 333.33m),
        };
        await storage.Register.EnrolAsync(Entitlement.ForPlan("hh-steady", "temporary-expenditure", "qingdao/shinan", "case-plan", 2, plan, TestCases.T0), CancellationToken.None);
        Assert.True((await storage.Register.AppendAsync("qingdao/shinan", "hh-adjusted", "dibao", PaymentStorage.Change(EntitlementChangeKind.Adjusted, "2026-02", 650m), CancellationToken.None)).Applied);
        Assert.True((await storage.Register.AppendAsync("qingdao/shinan", "hh-exiting", "dibao", PaymentStorage.Change(EntitlementChangeKind.GradualExit, "2026-02", until: "2026-02"), CancellationToken.None)).Applied);
        Assert.True((await storage.Register.AppendAsync("qingdao/shinan", "hh-terminated", "dibao", PaymentStorage.Change(EntitlementChangeKind.Terminated, "2026-02"), CancellationToken.None)).Applied);

        foreach (string month in new[] { "2026-01", "2026-02", "2026-03" }) await storage.PayAsync("qingdao", month);

        Dictionary<string, decimal> Paid(IReadOnlyList<LedgerEntry> entries) => entries.ToDictionary(e => e.Instruction.BeneficiaryId + "|" + e.Instruction.Period, e => e.Instruction.Amount);
        Assert.Equal(new Dictionary<string, decimal> { ["hh-steady|2026-01"] = 1100m, ["hh-steady|instalment-1@case-plan"] = 333.34m, ["hh-adjusted|2026-01"] = 700m, ["hh-exiting|2026-01"] = 500m, ["hh-terminated|2026-01"] = 300m }, Paid(await storage.LedgerAsync("qingdao", "2026-01")));
        Assert.Equal(new Dictionary<string, decimal> { ["hh-steady|2026-02"] = 1100m, ["hh-steady|instalment-2@case-plan"] = 333.33m, ["hh-adjusted|2026-02"] = 650m, ["hh-exiting|2026-02"] = 500m }, Paid(await storage.LedgerAsync("qingdao", "2026-02")));
        Assert.Equal(new Dictionary<string, decimal> { ["hh-steady|2026-03"] = 1100m, ["hh-adjusted|2026-03"] = 650m, ["hh-late|2026-03"] = 900m }, Paid(await storage.LedgerAsync("qingdao", "2026-03")));
        Assert.Empty(await storage.LedgerAsync("liyang", "2026-03")); // another jurisdiction's payroll, not run here
    }

    // Issue 11 acceptance: payroll run twice for a period → no second instruction; the rerun announces nothing new.
    [Fact]
    public async Task RunTwice_NoSecondInstruction_AndTheRerunSendsNoBatchForWhatWasAnnounced()
    {
        var storage = await PaymentStorage.CreateAsync(shards: 2);
        for (int i = 0; i < 120; i++) await storage.EnrolAsync($"hh-{i:000}", 100m + i, "2026-01");

        var first = await storage.PayAsync("qingdao", "2026-01");
        var second = await storage.PayAsync("qingdao", "2026-01");

        var ledger = await storage.LedgerAsync("qingdao", "2026-01");
        Assert.Equal(120, ledger.Count);
        Assert.Equal(120, ledger.Select(e => e.Instruction.IdempotencyKey).Distinct().Count());
        Assert.Equal(120, first.Sum(r => r.NewInstructions));
        Assert.Equal(0, second.Sum(r => r.NewInstructions));
        Assert.Equal(first.Sum(r => r.Amount), second.Sum(r => r.Amount));
        Assert.Equal(Enumerable.Range(0, 120).Sum(i => 100m + i), ledger.Sum(e => e.Instruction.Amount));
        var run = Assert.Single(await storage.Progress.ReadAsync("2026-01", CancellationToken.None));
        Assert.True(run.Done);
        Assert.Equal(120, run.Instructions);

        // Every instruction was announced in a batch; none carries a beneficiary's personal data. The rerun, finding
        // them still unsent, announces them again (the bank adapter sends only what the ledger shows unsent).
        var keys = new List<string>();
        var queue = storage.Queues.GetQueueClient(storage.Options.BatchQueueName);
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } messages)
        {
            foreach (var m in messages)
            {
                var batch = QueueMessageText.Decode<PaymentBatchMessage>(m.MessageText);
                Assert.InRange(batch.Keys.Count, 1, PayrollShardRunner.BatchSize);
                keys.AddRange(batch.Keys);
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            }
        }

        Assert.Equal(ledger.Select(e => e.Instruction.IdempotencyKey).Order(), keys.Distinct().Order());
    }

    [Fact]
    public async Task Ledger_SamePaymentInstructedTwiceWithAnotherAmount_TheFirstStands()
    {
        var storage = await PaymentStorage.CreateAsync();
        var at = new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
        var first = new PaymentInstruction("hh-1", "case-1", "dibao", "2026-02", 1100m, FundSource.Regular, at);

        var written = await storage.Ledger.InstructAsync("qingdao/shinan", [first], CancellationToken.None);
        var again = await storage.Ledger.InstructAsync("qingdao/shinan", [first with { Amount = 999m }], CancellationToken.None);

        Assert.True(Assert.Single(written).Created);
        var entry = Assert.Single(again);
        Assert.False(entry.Created);
        Assert.Equal(1100m, entry.Instruction.Amount);
        Assert.Single(await storage.LedgerAsync("qingdao", "2026-02"));
    }

    [Fact]
    public async Task Ledger_OneOffPayment_FiledUnderTheChinaMonthOfItsDecision()
    {
        var storage = await PaymentStorage.CreateAsync();
        // 2026-01-31T17:00Z is 2026-02-01 01:00 in China.
        var advance = new PaymentInstruction("hh-1", "case-1", "temporary-emergency", "advance@case-1", 1000m, FundSource.TownshipReserveFund, new DateTimeOffset(2026, 1, 31, 17, 0, 0, TimeSpan.Zero));

        await storage.Ledger.InstructAsync("qingdao/shinan", [advance], CancellationToken.None);

        Assert.Equal("2026-02", PaymentLedger.LedgerMonth(advance));
        Assert.Equal("advance@case-1", Assert.Single(await storage.LedgerAsync("qingdao", "2026-02")).Instruction.Period);
    }

    [Fact]
    public async Task Register_EnrolTwice_KeepsTheFirst_ChangesAppendedNotOverwritten()
    {
        var storage = await PaymentStorage.CreateAsync();
        await storage.EnrolAsync("hh-1", 1100m, "2026-02");
        var again = Entitlement.Enrol("hh-1", "dibao", "qingdao/shinan", "case-other", 1, PaymentStorage.Change(EntitlementChangeKind.Enrolled, "2026-05", 50m)).Entitlement!;

        var (stored, created) = await storage.Register.EnrolAsync(again, CancellationToken.None);
        var adjusted = await storage.Register.AppendAsync("qingdao/shinan", "hh-1", "dibao", PaymentStorage.Change(EntitlementChangeKind.Adjusted, "2026-04", 900m), CancellationToken.None);
        var refused = await storage.Register.AppendAsync("qingdao/shinan", "hh-1", "dibao", PaymentStorage.Change(EntitlementChangeKind.Adjusted, "2026-03", 800m), CancellationToken.None);

        Assert.False(created);
        Assert.Equal(1100m, stored.AmountFor(PayPeriod.Parse("2026-02")));
        Assert.True(adjusted.Applied);
        Assert.False(refused.Applied);
        var now = await storage.Register.GetAsync("qingdao/shinan", "hh-1", "dibao", CancellationToken.None);
        Assert.Equal([EntitlementChangeKind.Enrolled, EntitlementChangeKind.Adjusted], now!.Changes.Select(c => c.Kind));
        Assert.Equal(1100m, now.AmountFor(PayPeriod.Parse("2026-03")));
        Assert.Equal(900m, now.AmountFor(PayPeriod.Parse("2026-04")));
    }

    [Fact]
    public async Task Register_ConcurrentChanges_BothKept()
    {
        var storage = await PaymentStorage.CreateAsync();
        await storage.EnrolAsync("hh-1", 1100m, "2026-02");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            storage.Register.AppendAsync("qingdao/shinan", "hh-1", "dibao", PaymentStorage.Change(EntitlementChangeKind.Adjusted, "2026-06", 900m + i), CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.Applied, r.Error));
        var now = await storage.Register.GetAsync("qingdao/shinan", "hh-1", "dibao", CancellationToken.None);
        Assert.Equal(5, now!.Changes.Count);
    }

    // Issue 12: a decision's change appended again (a retried review decision) is recorded once; another change of the
    // same kind and month (another amount) is a change of its own.
    [Fact]
    public async Task Register_SameChangeTwice_RecordedOnce()
    {
        var storage = await PaymentStorage.CreateAsync();
        await storage.EnrolAsync("hh-1", 1100m, "2026-02");
        var change = PaymentStorage.Change(EntitlementChangeKind.Adjusted, "2026-06", 900m);

        var first = await storage.Register.AppendAsync("qingdao/shinan", "hh-1", "dibao", change, CancellationToken.None);
        var again = await storage.Register.AppendAsync("qingdao/shinan", "hh-1", "dibao", change, CancellationToken.None);
        var other = await storage.Register.AppendAsync("qingdao/shinan", "hh-1", "dibao", change with { MonthlyAmount = 950m }, CancellationToken.None);

        Assert.True(first.Applied && again.Applied && other.Applied);
        var now = await storage.Register.GetAsync("qingdao/shinan", "hh-1", "dibao", CancellationToken.None);
        Assert.Equal([1100m, 900m, 950m], now!.Changes.Select(c => c.MonthlyAmount!.Value));
    }
}
