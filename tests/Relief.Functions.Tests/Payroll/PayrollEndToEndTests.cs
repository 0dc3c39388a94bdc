using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Relief.Cases.Intake;
using Relief.Cases.Storage.Payments;
using Relief.Cases.Storage.Queues;
using Relief.Functions.Tests.Builders;

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

    private static string FirstMonthAfter(DateTimeOffset now)
    {
        var china = now.ToOffset(TimeSpan.FromHours(8));
        return NextMonth(china.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string NextMonth(string period)
    {
        var date = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(1);
        return date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<DateTimeOffset> StartAsync(ReliefApp app, string period)
    {
        var at = DateTimeOffset.UtcNow;
        var response = await app.Client.PostAsJsonAsync($"api/payrolls/{period}", new { jurisdictions = new[] { "rehearsal" } }, ReliefApp.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal($"/api/payrolls/{period}", response.Headers.Location?.ToString());
        return at;
    }

    /// <summary>Polls the progress URL until the rehearsal payroll of <paramref name="period"/> finished after <paramref name="after"/> (a hang guard).</summary>
    private static async Task<JsonElement> WaitForPayrollAsync(ReliefApp app, string period, DateTimeOffset after)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        string last = string.Empty;
        while (DateTime.UtcNow < until)
        {
            var response = await app.Client.GetAsync($"api/payrolls/{period}");
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var run = JsonDocument.Parse(last).RootElement.GetProperty("jurisdictions").EnumerateArray().FirstOrDefault(j => j.GetProperty("jurisdiction").GetString() == "rehearsal");
                if (run.ValueKind == JsonValueKind.Object && run.GetProperty("state").GetString() == "completed" && run.GetProperty("finishedAt").ValueKind == JsonValueKind.String
                    && run.GetProperty("finishedAt").GetDateTimeOffset() >= after.AddSeconds(-1))
                {
                    return run.Clone();
                }
            }

            await Task.Delay(500);
        }

        Assert.Fail($"The payroll of {period} did not finish: {last}");
        return default;
    }

    private static async Task<IReadOnlyList<TableEntity>> InstructionsAsync(ReliefApp app, string caseId)
    {
        var table = new TableClient(app.ConnectionString, app.LedgerTable);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Kind eq {"instruction"} and CaseId eq {caseId}"))) rows.Add(row);
        return rows;
    }

    /// <summary>Runs the bank simulator until the case's payments in the ledger reach <paramref name="done"/> (a hang guard).</summary>
    private static async Task WaitForStatusesAsync(ReliefApp app, Relief.BankSimulator.BankSimulator bank, string caseId, Func<IReadOnlyList<string>, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        IReadOnlyList<string> statuses = [];
        while (DateTime.UtcNow < until)
        {
            await bank.RunOnceAsync(CancellationToken.None);
            statuses = (await InstructionsAsync(app, caseId)).OrderBy(i => i.GetString("Period"), StringComparer.Ordinal).Select(i => i.GetString("Status")).ToArray();
            if (done(statuses)) return;
            await Task.Delay(500);
        }

        Assert.Fail($"The payments of {caseId} did not reach the expected statuses: {string.Join(", ", statuses)}\n{app.Host.Output[^Math.Min(4000, app.Host.Output.Length)..]}");
    }

    private static async Task<(string CaseId, decimal Amount)> ApproveDibaoAsync(ReliefApp app, string? account = null, string? applicantId = null)
    {
        var application = ReliefApp.Rehearsal(TestApplications.QingdaoDibao());
        if (account is not null) application = application with { Payee = new PayeeRequest { AccountHolder = "张三", AccountNumber = account, BankCode = "102100099996" } };
        if (applicantId is not null)
        {
            application = application with
            {
                Members = [application.Members![0] with { ResidentId = applicantId }, .. application.Members.Skip(1)],
                Incomes = [application.Incomes![0] with { MemberResidentId = applicantId }],
            };
        }

        var caseId = await app.SubmitAsync(application);
        await app.ActAcceptedAsync(caseId, "accept", new { actor = "caseworker:0042" });
        await app.WaitForStepAsync(caseId, "Investigation");
        await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", new { actor = "caseworker:0042", investigators = new[] { "investigator:1", "investigator:2" } });
        await app.WaitForStatusAsync(caseId, s => s.GetProperty("step").GetString() == "AwaitingDecision", "the end of the public notice");
        await app.ActAcceptedAsync(caseId, "approve", new { actor = "approver:0101" });
        var approved = await app.WaitForStepAsync(caseId, "Approved");
        await app.WaitForMessagesAsync<PaymentInstructionMessage>(app.PaymentsQueue, m => m.Any(p => p.CaseId == caseId));
        return (caseId, approved.GetProperty("decision").GetProperty("amount").GetDecimal());
    }
}
