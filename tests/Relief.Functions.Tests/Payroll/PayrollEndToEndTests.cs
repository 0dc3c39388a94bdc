using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
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

        // The payroll announced each month's instruction to the bank adapter in a batch without personal data.
        var batches = await app.WaitForMessagesAsync<PaymentBatchMessage>(app.BatchQueue, m => m.Any(b => b.LedgerMonth == second));
        Assert.All(batches, b => Assert.All(b.Keys, k => Assert.StartsWith("hh-", k, StringComparison.Ordinal)));
        Assert.Contains(batches, b => b.LedgerMonth == first);
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

    private static async Task<(string CaseId, decimal Amount)> ApproveDibaoAsync(ReliefApp app)
    {
        var caseId = await app.SubmitAsync(ReliefApp.Rehearsal(TestApplications.QingdaoDibao()));
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
