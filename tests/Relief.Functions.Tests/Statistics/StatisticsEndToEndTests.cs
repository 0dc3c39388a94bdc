using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Relief.Functions.Tests.Builders;

using static Relief.Functions.Tests.Builders.PayrollSteps;

namespace Relief.Functions.Tests.Statistics;

/// <summary>The statistics (统计) through the local host on Azurite, against the raw records of a scripted month.</summary>
public sealed class StatisticsEndToEndTests
{
    private static DateOnly TodayInChina => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    // Issue 15 acceptance: after a scripted month — applications, approvals, a payroll through the bank, a review — the
    // statistics equal the figures the test computes from the raw records (cases, ledger, review index).
    [Fact]
    public async Task ScriptedMonth_StatisticsEqualTheRawRecords_AsJsonAndCsv()
    {
        await using var app = await ReliefApp.StartAsync();
        var bank = new Relief.BankSimulator.BankSimulator(
            new Azure.Storage.Blobs.BlobServiceClient(app.ConnectionString),
            new Azure.Storage.Queues.QueueServiceClient(app.ConnectionString, new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.None }),
            new Relief.BankSimulator.BankSimulatorOptions
            {
                OutboxContainerName = app.Bank("OutboxContainerName"),
                InboxContainerName = app.Bank("InboxContainerName"),
                StatusQueueName = app.Bank("StatusQueueName"),
                Rejections = { ["6222000011114444"] = "AC04" },
            },
            TimeProvider.System);
        var approved = await Task.WhenAll(
            ApproveDibaoAsync(app, "6222000011112222", applicantId: TestIds.For(new DateOnly(1980, 5, 17), 41)),
            ApproveDibaoAsync(app, "6222000011114444", applicantId: TestIds.For(new DateOnly(1980, 5, 17), 42)));
        string pending = await app.SubmitAsync(ReliefApp.AnotherHousehold(ReliefApp.Rehearsal(TestApplications.QingdaoDibao())));
        string first = FirstMonthAfter(DateTimeOffset.UtcNow), second = NextMonth(first), now = TodayInChina.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        // The first month (instructed at approval) and the payroll of the second, through the bank.
        await WaitForStatusesAsync(app, bank, approved[0].CaseId, s => s.Count == 1 && s[0] == "Paid");
        await WaitForStatusesAsync(app, bank, approved[1].CaseId, s => s.Count == 1 && s[0] == "Rejected");
        await WaitForPayrollAsync(app, second, after: await StartAsync(app, second));
        await WaitForStatusesAsync(app, bank, approved[0].CaseId, s => s.Count == 2 && s.All(x => x == "Paid"));

        // A review: a self-reported change, the findings, decided.
        string household = (await InstructionsAsync(app, approved[0].CaseId)).Select(r => r.GetString("BeneficiaryId")).Distinct().Single();
        var change = await app.Client.PostAsJsonAsync($"api/households/{household}/changes", new { kind = "income", occurredOn = TodayInChina, note = "Part-time work." }, ReliefApp.Json);
        Assert.Equal(HttpStatusCode.Accepted, change.StatusCode);
        string review = (await change.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reviewId").GetString()!;
        await WaitUntilAsync(async () => (await app.Client.PostAsJsonAsync($"api/reviews/{review}/findings", new { note = "Income below the disregard." }, ReliefApp.Json)).StatusCode == HttpStatusCode.Accepted);
        await WaitUntilAsync(async () => (await app.Client.GetFromJsonAsync<JsonElement>($"api/reviews/{review}")).GetProperty("state").GetString() == "Decided");

        // The raw records.
        var statuses = await Task.WhenAll(new[] { approved[0].CaseId, approved[1].CaseId, pending }.Select(app.StatusAsync));
        var ledger = (await InstructionsAsync(app, approved[0].CaseId)).Concat(await InstructionsAsync(app, approved[1].CaseId)).ToArray();
        decimal Yuan(TableEntity row) => decimal.Parse(row.GetString("Amount"), CultureInfo.InvariantCulture);
        var expected = new Dictionary<(string Month, string Metric), decimal>
        {
            [(now, "applications")] = statuses.Count(s => MonthOf(s.GetProperty("createdAt").GetDateTimeOffset()) == now),
            [(now, "approvals")] = statuses.Count(s => s.GetProperty("step").GetString() == "Approved"),
            [(now, "refusals")] = statuses.Count(s => s.GetProperty("step").GetString() == "Refused"),
            [(now, "reviewsDone")] = 1,
            [(first, "paidYuan")] = ledger.Where(r => r.GetString("Period") == first && r.GetString("Status") == "Paid").Sum(Yuan),
            [(second, "paidYuan")] = ledger.Where(r => r.GetString("Period") == second && r.GetString("Status") == "Paid").Sum(Yuan),
            [(second, "households")] = ledger.Where(r => r.GetString("Period") == second).Select(r => r.GetString("BeneficiaryId")).Distinct().Count(),
            [(second, "persons")] = ledger.Where(r => r.GetString("Period") == second).Count() * TestApplications.QingdaoDibao().Members!.Count,
            [(second, "instructedYuan")] = ledger.Where(r => r.GetString("Period") == second).Sum(Yuan),
        };
        var dueIndex = new List<string>();
        await foreach (var row in new TableClient(app.ConnectionString, app.ReviewDueTable).QueryAsync<TableEntity>(select: ["PartitionKey"])) dueIndex.Add(row.PartitionKey.Split('|')[1]);
        foreach (var month in dueIndex.Distinct()) expected[(month, "reviewsDue")] = dueIndex.Count(m => m == month);

        var statistics = await app.Client.GetFromJsonAsync<JsonElement>($"api/statistics?from={now}&to={dueIndex.Max()}&jurisdiction=rehearsal");
        var rows = statistics.GetProperty("rows").EnumerateArray().ToArray();
        foreach (var ((month, metric), value) in expected)
        {
            decimal actual = rows.Where(r => r.GetProperty("month").GetString() == month).Sum(r => r.GetProperty(metric).GetDecimal());
            Assert.True(value == actual, $"{metric} in {month}: the records say {value}, the statistics {actual}.\n{statistics}");
        }

        Assert.Equal(3, expected[(now, "applications")]);
        Assert.Equal(2, expected[(second, "households")]);
        Assert.True(expected[(first, "paidYuan")] > 0m);
        Assert.All(rows, r => Assert.StartsWith("rehearsal", r.GetProperty("jurisdiction").GetString(), StringComparison.Ordinal));
        var standard = Assert.Single(statistics.GetProperty("standards").EnumerateArray());
        Assert.Equal(Math.Round(standard.GetProperty("urbanStandard").GetDecimal() / standard.GetProperty("minimumWage").GetDecimal(), 4, MidpointRounding.AwayFromZero),
            standard.GetProperty("urbanShareOfMinimumWage").GetDecimal());

        // The same figures as CSV; scope and bad input.
        var csv = await app.Client.GetAsync($"api/statistics?month={second}&jurisdiction=rehearsal&format=csv");
        string[] lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("month,jurisdiction,program,households,persons,instructedYuan,paidYuan", lines[0], StringComparison.Ordinal);
        Assert.Equal(expected[(second, "households")], lines.Skip(1).Sum(l => decimal.Parse(l.Split(',')[3], CultureInfo.InvariantCulture)));
        using var elsewhere = app.ClientAs(TestTokens.Person("0500", Relief.Identity.ReliefRoles.Supervisor, "liyang"));
        Assert.Empty((await elsewhere.GetFromJsonAsync<JsonElement>($"api/statistics?from={now}&to={second}")).GetProperty("rows").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync("api/statistics?jurisdiction=rehearsal")).StatusCode);
        var bad = await app.Client.GetAsync("api/statistics?from=2026-13&program=x&colour=red");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("colour", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooLong = await app.Client.GetAsync("api/statistics?from=2020-01&to=2026-12");
        Assert.Contains("at most 24 months", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string MonthOf(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, int seconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (await done()) return;
            await Task.Delay(500);
        }

        Assert.Fail("Timed out.");
    }
}
