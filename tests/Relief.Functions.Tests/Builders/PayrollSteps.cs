using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Storage.Payments;
using Relief.Cases.Storage.Queues;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Builders;

/// <summary>Steps shared by the end-to-end tests of money: approving a rehearsal dibao household, running and awaiting a payroll, reading the ledger.</summary>
internal static class PayrollSteps
{
    internal static string FirstMonthAfter(DateTimeOffset now)
    {
        var china = now.ToOffset(TimeSpan.FromHours(8));
        return NextMonth(china.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
    }

    internal static string NextMonth(string period)
    {
        var date = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(1);
        return date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static async Task<DateTimeOffset> StartAsync(ReliefApp app, string period)
    {
        var at = DateTimeOffset.UtcNow;
        var response = await app.Client.PostAsJsonAsync($"api/payrolls/{period}", new { jurisdictions = new[] { "rehearsal" } }, ReliefApp.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal($"/api/payrolls/{period}", response.Headers.Location?.ToString());
        return at;
    }

    /// <summary>Polls the progress URL until at least <paramref name="atLeast"/> shards of the rehearsal payroll are done; returns how many.</summary>
    internal static async Task<int> WaitForShardsAsync(ReliefApp app, string period, int atLeast)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            var response = await app.Client.GetAsync($"api/payrolls/{period}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var run = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jurisdictions").EnumerateArray().FirstOrDefault(j => j.GetProperty("jurisdiction").GetString() == "rehearsal");
                if (run.ValueKind == JsonValueKind.Object && run.GetProperty("shardsDone").GetInt32() >= atLeast) return run.GetProperty("shardsDone").GetInt32();
            }

            await Task.Delay(50);
        }

        Assert.Fail($"No shard of the payroll of {period} finished.");
        return 0;
    }

    /// <summary>Polls the progress URL until the rehearsal payroll of <paramref name="period"/> finished after <paramref name="after"/> (a hang guard).</summary>
    internal static async Task<JsonElement> WaitForPayrollAsync(ReliefApp app, string period, DateTimeOffset after, int seconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
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

    internal static async Task<IReadOnlyList<TableEntity>> InstructionsAsync(ReliefApp app, string caseId)
    {
        var table = new TableClient(app.ConnectionString, app.LedgerTable);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Kind eq {"instruction"} and CaseId eq {caseId}"))) rows.Add(row);
        return rows;
    }

    /// <summary>Runs the bank simulator until the case's payments in the ledger reach <paramref name="done"/> (a hang guard).</summary>
    internal static async Task WaitForStatusesAsync(ReliefApp app, Relief.BankSimulator.BankSimulator bank, string caseId, Func<IReadOnlyList<string>, bool> done)
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

    internal static async Task<(string CaseId, decimal Amount)> ApproveDibaoAsync(ReliefApp app, string? account = null, string? applicantId = null, ApplicationRequest? household = null)
    {
        var application = household ?? ReliefApp.Rehearsal(TestApplications.QingdaoDibao());
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
        await app.ActAcceptedAsync(caseId, "accept", new { });
        await app.WaitForStepAsync(caseId, "Investigation");
        await app.AnswerVerificationsAsync(caseId);
        await app.ActAcceptedAsync(caseId, "investigation", new { investigators = new[] { "investigator:1", "investigator:2" } });
        await app.WaitForStatusAsync(caseId, s => s.GetProperty("step").GetString() == "AwaitingDecision", "the end of the public notice");
        await app.ActAcceptedAsync(caseId, "approve", new { });
        var approved = await app.WaitForStepAsync(caseId, "Approved");
        await app.WaitForMessagesAsync<PaymentInstructionMessage>(app.PaymentsQueue, m => m.Any(p => p.CaseId == caseId));
        return (caseId, approved.GetProperty("decision").GetProperty("amount").GetDecimal());
    }
}
