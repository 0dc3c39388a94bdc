using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Storage.Payments;
using Relief.Cases.Storage.Queues;
using Relief.Functions.Tests.Builders;

using static Relief.Functions.Tests.Builders.PayrollSteps;

namespace Relief.Functions.Tests.Payroll;

/// <summary>The monthly payroll through the local host on Azurite: enrolment on approval, the admin start, progress.</summary>
public sealed class PayrollEndToEndTests
{
    // Issue 11: an approved household is enrolled and paid every month, once per month however often the payroll runs;
    // the first month, already instructed at approval, is not instructed twice.
    [Fact]
    public async Task ApprovedHousehold_PaidOncePerMonth_PayrollRunTwiceWritesNothingTwice()
    {
        await using var app = await ReliefApp.StartAsync();
        var (caseId, amount) = await ApproveDibaoAsync(app);
        var first = FirstMonthAfter(DateTimeOffset.UtcNow);
        var second = NextMonth(first);

        var run1 = await StartAsync(app, first);
        var done1 = await WaitForPayrollAsync(app, first, after: run1);
        var run2 = await StartAsync(app, first);
        var done2 = await WaitForPayrollAsync(app, first, after: run2);
        var run3 = await StartAsync(app, second);
        var done3 = await WaitForPayrollAsync(app, second, after: run3);

        var ledger = await InstructionsAsync(app, caseId);
        Assert.Equal([first, second], ledger.Select(i => i.GetString("Period")).Order());
        Assert.All(ledger, i => Assert.Equal(amount, decimal.Parse(i.GetString("Amount"), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1, done1.GetProperty("instructions").GetInt32());
        Assert.Equal(1, done2.GetProperty("instructions").GetInt32());
        Assert.Equal(amount, done3.GetProperty("amount").GetDecimal());
        Assert.Equal(done1.GetProperty("shards").GetInt32(), done1.GetProperty("shardsDone").GetInt32());

        // No account on file: each month's payment is held for the caseworker — one work item per payment, however
        // often the payroll announces it — and stays instructed (the money waits).
        var held = await app.WaitForMessagesAsync<PaymentRejectionMessage>(app.Bank("RejectionQueueName"), m => m.Count(r => r.CaseId == caseId) >= 2);
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a duplicate to show up, were there one
        held = await app.WaitForMessagesAsync<PaymentRejectionMessage>(app.Bank("RejectionQueueName"), m => m.Count(r => r.CaseId == caseId) >= 2);
        Assert.Equal([first, second], held.Where(r => r.CaseId == caseId).Select(r => r.Period).Order());
        Assert.All(held, r => Assert.Equal("NOACCOUNT", r.ReasonCode));
        Assert.All(ledger, i => Assert.Equal("Instructed", i.GetString("Status")));
    }

    // Issue 11 § 4–6: the first month (paid the same day as the decision) and the next payroll go to the bank as pain.001
    // files, the bank simulator answers with pain.002 (one account closed: AC04), the ledger follows, the rejection is a
    // work item, and the month reconciles.
    [Fact]
    public async Task DecisionAndPayroll_ThroughTheBankSimulator_PaidOrRejected_MonthReconciles()
    {
        await using var app = await ReliefApp.StartAsync();
        var (paidCase, amount) = await ApproveDibaoAsync(app, "6222000011112222");
        var (closedCase, _) = await ApproveDibaoAsync(app, "6222000011114444", applicantId: TestIds.For(new DateOnly(1980, 5, 17), 7));
        var bankOptions = new Relief.BankSimulator.BankSimulatorOptions
        {
            OutboxContainerName = app.Bank("OutboxContainerName"),
            InboxContainerName = app.Bank("InboxContainerName"),
            StatusQueueName = app.Bank("StatusQueueName"),
        };
        bankOptions.Rejections["6222000011114444"] = "AC04";
        var bank = new Relief.BankSimulator.BankSimulator(
            new Azure.Storage.Blobs.BlobServiceClient(app.ConnectionString),
            new Azure.Storage.Queues.QueueServiceClient(app.ConnectionString, new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.None }),
            bankOptions, TimeProvider.System);
        var first = FirstMonthAfter(DateTimeOffset.UtcNow);

        // The decisions' first month: sent, answered, recorded.
        await WaitForStatusesAsync(app, bank, paidCase, s => s.Count == 1 && s[0] == "Paid");
        await WaitForStatusesAsync(app, bank, closedCase, s => s.Count == 1 && s[0] == "Rejected");

        // The next month through the payroll.
        var second = NextMonth(first);
        await WaitForPayrollAsync(app, second, after: await StartAsync(app, second));
        await WaitForStatusesAsync(app, bank, paidCase, s => s.Count == 2 && s.All(x => x == "Paid"));

        // The closed account is refused each month until it is corrected; one work item per refused payment.
        var rejections = await app.WaitForMessagesAsync<PaymentRejectionMessage>(app.Bank("RejectionQueueName"), m => m.Count(r => r.CaseId == closedCase) >= 2);
        Assert.Equal([first, second], rejections.Where(r => r.CaseId == closedCase).Select(r => r.Period).Order());
        Assert.All(rejections, r => Assert.Equal("AC04", r.ReasonCode));
        Assert.DoesNotContain(rejections, r => r.CaseId == paidCase);
        var reconciliation = await app.Client.GetFromJsonAsync<JsonElement>($"api/payrolls/{first}/reconciliation?jurisdiction=rehearsal");
        var month = reconciliation.GetProperty("jurisdictions")[0];
        Assert.True(month.GetProperty("balanced").GetBoolean(), month.ToString());
        Assert.Equal(1, month.GetProperty("paid").GetProperty("count").GetInt32());
        Assert.Equal(amount, month.GetProperty("paid").GetProperty("amount").GetDecimal());
        Assert.Equal(1, month.GetProperty("rejected").GetProperty("count").GetInt32());

        // The caseworker corrects the account, naming the work items' payments: the same payments are paid.
        var correction = await app.Client.PutAsJsonAsync($"api/applications/{closedCase}/payee", new
        {
            accountHolder = "张三", accountNumber = "6222000011115555", bankCode = "102100099996",
            payments = rejections.Where(r => r.CaseId == closedCase).Select(r => new { idempotencyKey = r.IdempotencyKey, ledgerMonth = r.LedgerMonth }).ToArray(),
        }, ReliefApp.Json);
        Assert.True(correction.StatusCode == HttpStatusCode.OK, await correction.Content.ReadAsStringAsync());
        var corrected = await correction.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("************5555", corrected.GetProperty("account").GetString());
        Assert.Equal(2, corrected.GetProperty("paymentsSentAgain").GetInt32());
        await WaitForStatusesAsync(app, bank, closedCase, s => s.Count == 2 && s.All(x => x == "Paid"));
        var after = (await app.Client.GetFromJsonAsync<JsonElement>($"api/payrolls/{first}/reconciliation?jurisdiction=rehearsal")).GetProperty("jurisdictions")[0];
        Assert.True(after.GetProperty("balanced").GetBoolean(), after.ToString());
        Assert.Equal(2, after.GetProperty("paid").GetProperty("count").GetInt32());

        var wrong = await app.Client.PutAsJsonAsync($"api/applications/{closedCase}/payee", new { accountHolder = "", accountNumber = "12", bankCode = "x", payments = new[] { new { idempotencyKey = "hh-x|dibao|2020-01", ledgerMonth = "2020-01" } } }, ReliefApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        string problem = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("payee.accountNumber", problem, StringComparison.Ordinal);
        Assert.Contains("payments[0]", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("6222000011115555", problem, StringComparison.Ordinal);
    }

    // Issue 11 acceptance: the host killed (-9) in the middle of a payroll → a new host resumes it; none missing, none doubled.
    [Fact]
    public async Task HostKilledMidPayroll_ANewHostFinishesIt_NoneMissingNoneDoubled()
    {
        var app = await ReliefApp.StartAsync();
        await using var _ = app;
        const int households = 20_000;
        const string period = "2030-01";
        string caseId = "seed" + Guid.NewGuid().ToString("N")[..12];
        var cases = new Relief.Cases.Storage.Cases.CaseStore(new TableServiceClient(app.ConnectionString), new Azure.Storage.Blobs.BlobServiceClient(app.ConnectionString),
            Microsoft.Extensions.Options.Options.Create(new Relief.Cases.Storage.Cases.CaseStoreOptions { TableName = app.CaseTable }), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Relief.Cases.Storage.Cases.CaseStore>.Instance);
        await cases.CreateAsync(
            new Relief.Cases.Records.CaseRecord { CaseId = caseId, Program = AssistanceProgram.Dibao, Jurisdiction = "rehearsal/drill", Step = Relief.Cases.Lifecycle.CaseStep.Approved, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow },
            TestApplications.QingdaoDibao() with { Payee = new PayeeRequest { AccountHolder = "张三", AccountNumber = "6222000011112222", BankCode = "102100099996" } },
            CancellationToken.None);
        var register = new BeneficiaryRegister(new TableServiceClient(app.ConnectionString),
            Microsoft.Extensions.Options.Options.Create(new PaymentStorageOptions { RegisterTableName = app.Setting("Relief:Payments:Storage:RegisterTableName") }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<BeneficiaryRegister>.Instance);
        var enrolment = new Relief.Cases.Payments.EntitlementChange(Relief.Cases.Payments.EntitlementChangeKind.Enrolled, Relief.Cases.Payments.PayPeriod.Parse(period), 0m, null, "seeded", caseId, DateTimeOffset.UtcNow);
        Assert.Equal(households, await register.EnrolManyAsync(Enumerable.Range(0, households).Select(i =>
            Relief.Cases.Payments.Entitlement.Enrol($"hh-seed{i:00000}", "dibao", "rehearsal/drill", caseId, 1, enrolment with { MonthlyAmount = 100m + (i % 100) }).Entitlement!), CancellationToken.None));
        decimal expected = Enumerable.Range(0, households).Sum(i => 100m + (i % 100));

        var started = await StartAsync(app, period);
        int doneAtKill = await WaitForShardsAsync(app, period, atLeast: 1);
        app.Host.Kill();
        Assert.True(await app.Host.WaitForExitAsync(TimeSpan.FromSeconds(10)), "the killed host did not exit");
        await app.RestartAsync();
        var done = await WaitForPayrollAsync(app, period, after: started, seconds: 300);

        Assert.InRange(doneAtKill, 1, done.GetProperty("shards").GetInt32() - 1); // killed in the middle
        var keys = new List<string>();
        decimal total = 0m;
        var ledger = new TableClient(app.ConnectionString, app.LedgerTable);
        await foreach (var row in ledger.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Kind eq {"instruction"} and Period eq {period}"), select: ["RowKey", "Amount"]))
        {
            keys.Add(row.RowKey);
            total += decimal.Parse(row.GetString("Amount"), System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(households, keys.Count);
        Assert.Equal(households, keys.Distinct().Count());
        Assert.Equal(expected, total);
        Assert.Equal(households, done.GetProperty("instructions").GetInt32());
    }

    [Fact]
    public async Task StartPayroll_BadPeriodOrUnknownJurisdiction_400NamingIt_AndProgressOfAMonthNeverRun_404()
    {
        await using var app = await ReliefApp.StartAsync();

        var badPeriod = await app.Client.PostAsJsonAsync("api/payrolls/2026-13", new { }, ReliefApp.Json);
        var unknown = await app.Client.PostAsJsonAsync("api/payrolls/2026-05", new { jurisdictions = new[] { "atlantis" } }, ReliefApp.Json);
        var never = await app.Client.GetAsync("api/payrolls/2031-01");

        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.Contains("period", await badPeriod.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("atlantis", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, never.StatusCode);
    }
}
