using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Relief.Cases.Intake;
using Relief.Functions.Tests.Builders;
using static Relief.Functions.Tests.Builders.PayrollSteps;

namespace Relief.Functions.Tests.Reviews;

/// <summary>Reviews through the local host on Azurite (issue 12): sweeps, findings and outcomes, the payroll after them, changes between reviews.</summary>
public sealed class ReviewEndToEndTests
{
    private static DateOnly TodayInChina => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static string Month(DateOnly date, int plus = 0) => date.AddMonths(plus).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    // Issue 12 § 2–3 and acceptance: the yearly sweep of the due month starts each household's review once (a second
    // sweep starts none); the findings decide — adjusted, gradual exit, terminated, fraud with its recovery claim — and the
    // payroll of the following months pays what the register now says. The month after approval was paid at approval,
    // so the effects are read from the month after that on.
    [Fact]
    public async Task Sweep_StartsEachReviewOnce_EachOutcome_ThePayrollFollows()
    {
        await using var app = await ReliefApp.StartAsync();
        var bank = BankFor(app, rejections: new Dictionary<string, string>());
        string[] applicants = [.. Enumerable.Range(21, 4).Select(i => TestIds.For(new DateOnly(1980, 5, 17), i))];
        var approved = await Task.WhenAll(applicants.Select((id, i) => ApproveDibaoAsync(app, account: i == 3 ? "6222000011112222" : null, applicantId: id)));
        Assert.All(approved, a => Assert.Equal(1200m, a.Amount));
        string[] households = await Task.WhenAll(approved.Select(a => HouseholdOfAsync(app, a.CaseId)));

        // Each household's first review: yearly (a regular wage), a year from the decision, in the due index.
        var schedules = await Task.WhenAll(households.Select(h => GetJsonAsync(app, $"api/households/{h}")));
        var due = schedules.Select(s => s.GetProperty("programs")[0]).ToArray();
        Assert.All(due, p => Assert.Equal("Yearly", p.GetProperty("frequency").GetString()));
        string dueMonth = Month(DateOnly.Parse(due[0].GetProperty("nextReview").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(Month(TodayInChina, 12), dueMonth);

        var first = await SweepAsync(app, "yearly", dueMonth, s => s.GetProperty("started").GetInt32() + s.GetProperty("existing").GetInt32() == 4);
        var second = await SweepAsync(app, "yearly", dueMonth, s => s.GetProperty("existing").GetInt32() == 4);
        Assert.Equal(4, first.GetProperty("started").GetInt32());
        Assert.Equal(0, second.GetProperty("started").GetInt32());

        string[] reviews = [.. households.Select(h => $"rv_{h}_dibao_{dueMonth}")];
        foreach (string review in reviews) await WaitForReviewAsync(app, review, r => r.GetProperty("state").GetString() == "Open");

        // The fraud household's month paid at approval reaches the bank and is paid.
        await WaitForStatusesAsync(app, bank, approved[3].CaseId, s => s.Count == 1 && s[0] == "Paid");

        DateOnly today = TodayInChina;
        await PostFindingsAsync(app, reviews[0], new { note = "Wage rose to 1,200 a month.",
            household = new { incomes = new[] { new { kind = "wages", monthlyAmount = 1200m, memberResidentId = applicants[0] } } } });
        await PostFindingsAsync(app, reviews[1], new { note = "The applicant found full-time work.", memberFoundWork = true, incomeRoseOn = today,
            household = new { incomes = new[] { new { kind = "wages", monthlyAmount = 2500m, memberResidentId = applicants[1] } } } });
        await PostFindingsAsync(app, reviews[2], new { note = "Deposits of 200,000 found.",
            household = new { property = new { deposits = 200000m, dwellings = 1 } } });
        await PostFindingsAsync(app, reviews[3], new { note = "A business income was hidden since the application.", fraudSince = Month(today) });

        var decided = new List<JsonElement>();
        foreach (string review in reviews) decided.Add(await WaitForReviewAsync(app, review, r => r.GetProperty("runtimeStatus").GetString() == "Completed"));
        Assert.Equal(["Adjusted", "GradualExit", "Terminated", "TerminatedForFraud"], decided.Select(r => r.GetProperty("outcome").GetString()));
        Assert.All(decided, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("decisionReason").GetString())));
        Assert.All(decided, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("rule").GetString())));
        Assert.Equal(900m, decided[0].GetProperty("summary").GetProperty("monthlyAmount").GetDecimal());
        Assert.Equal(1200m, decided[3].GetProperty("summary").GetProperty("recovered").GetDecimal());

        // The payroll after: the month after next and the month after the gradual exit (6 months from this one).
        string afterNext = Month(today, 2);
        string afterExit = Month(today, 7);
        await WaitForPayrollAsync(app, afterNext, after: await StartAsync(app, afterNext));
        await WaitForPayrollAsync(app, afterExit, after: await StartAsync(app, afterExit));
        decimal? Paid(IReadOnlyList<TableEntity> rows, string period) =>
            rows.Where(r => r.GetString("Period") == period).Select(r => (decimal?)decimal.Parse(r.GetString("Amount"), CultureInfo.InvariantCulture)).SingleOrDefault();
        var ledgers = await Task.WhenAll(approved.Select(a => InstructionsAsync(app, a.CaseId)));
        Assert.Equal(900m, Paid(ledgers[0], afterNext));
        Assert.Equal(900m, Paid(ledgers[0], afterExit));
        Assert.Equal(1200m, Paid(ledgers[1], afterNext));
        Assert.Null(Paid(ledgers[1], afterExit));
        Assert.Null(Paid(ledgers[2], afterNext));
        Assert.Null(Paid(ledgers[3], afterNext));

        // The recovery claim is in the ledger, once; the review is in the case's audit trail; the leavers leave the schedule.
        var ledger = new TableClient(app.ConnectionString, app.LedgerTable);
        var claims = ledger.Query<TableEntity>(TableClient.CreateQueryFilter($"Kind eq {"recovery"} and BeneficiaryId eq {households[3]}")).ToArray();
        Assert.Single(claims);
        Assert.Equal("1200.00", claims[0].GetString("Amount"));
        var trail = ReliefApp.History(await app.StatusAsync(approved[0].CaseId)).Select(h => h.GetProperty("summary").GetString()).ToArray();
        Assert.Contains(trail, s => s!.Contains($"Review {reviews[0]} decided", StringComparison.Ordinal) && s.Contains("Adjusted", StringComparison.Ordinal));
        Assert.Contains(trail, s => s!.Contains("Review opened", StringComparison.Ordinal));
        var left = await GetJsonAsync(app, $"api/households/{households[2]}");
        Assert.False(left.GetProperty("programs")[0].GetProperty("active").GetBoolean());
        var stays = await GetJsonAsync(app, $"api/households/{households[0]}");
        Assert.Equal(Month(today, 12), Month(DateOnly.Parse(stays.GetProperty("programs")[0].GetProperty("nextReview").GetString()!, CultureInfo.InvariantCulture)));
    }

    // Issue 12 § 5: the review finds the applicant, able to work, refused suitable work offered 3 times in a row (拒绝就业)
    // — he loses his own share, the household keeps the rest (2 of 3 members: 1200.00 × 2/3 = 800.00) from the next
    // month, and the payroll pays that. The rule is the domain's WorkRefusalRule, reached through the findings' members.
    [Fact]
    public async Task WorkRefusedThreeTimesInARow_TheMemberLosesHisShare_TheHouseholdKeepsTheRest()
    {
        await using var app = await ReliefApp.StartAsync();
        string applicant = TestIds.For(new DateOnly(1980, 5, 17), 41);
        var approved = await ApproveDibaoAsync(app, applicantId: applicant);
        Assert.Equal(1200m, approved.Amount);
        string household = await HouseholdOfAsync(app, approved.CaseId);
        DateOnly today = TodayInChina;

        var reported = await PostAcceptedAsync(app, $"api/households/{household}/changes",
            new { kind = "work", occurredOn = today, note = "The township recorded a third refusal of suitable work." });
        string review = reported.GetProperty("reviewId").GetString()!;
        await WaitForReviewAsync(app, review, r => r.GetProperty("state").GetString() == "Open");
        MemberRequest[] members = [.. TestApplications.QingdaoDibao().Members!.Select((m, i) => i == 0 ? m with { ResidentId = applicant, WorkAbility = "able", ConsecutiveWorkRefusals = 3 } : m)];
        await PostFindingsAsync(app, review, new { note = "Three offers of suitable work refused in a row, without good reason.", household = new { members } });

        var decided = await WaitForReviewAsync(app, review, r => r.GetProperty("runtimeStatus").GetString() == "Completed");
        Assert.Equal("Adjusted", decided.GetProperty("outcome").GetString());
        Assert.Equal(800m, decided.GetProperty("summary").GetProperty("monthlyAmount").GetDecimal());

        string afterNext = Month(today, 2);
        await WaitForPayrollAsync(app, afterNext, after: await StartAsync(app, afterNext));
        var paid = (await InstructionsAsync(app, approved.CaseId)).Where(r => r.GetString("Period") == afterNext).Select(r => decimal.Parse(r.GetString("Amount"), CultureInfo.InvariantCulture));
        Assert.Equal(800m, Assert.Single(paid));
    }

    // Issue 12 § 4 and acceptance: a self-reported change starts a review now (the same report twice finds it); a death
    // starts one due within 3 months; an unreported change older than 3 months earns a warning; the findings deadline
    // passing escalates the review, which goes on. Bad findings are refused with every reason.
    [Fact]
    public async Task ChangesBetweenReviews_SelfReported_Death_Warning_Escalation()
    {
        await using var app = await ReliefApp.StartAsync(new Dictionary<string, string> { ["Relief:Reviews:FindingsWorkingDays"] = "3" });
        var approved = await Task.WhenAll(
            ApproveDibaoAsync(app, applicantId: TestIds.For(new DateOnly(1980, 5, 17), 31)),
            ApproveDibaoAsync(app, applicantId: TestIds.For(new DateOnly(1980, 5, 17), 32)));
        string reporting = await HouseholdOfAsync(app, approved[0].CaseId);
        string bereaved = await HouseholdOfAsync(app, approved[1].CaseId);
        DateOnly today = TodayInChina;

        var change = new { kind = "income", occurredOn = today, note = "The spouse started a part-time job." };
        var reported = await PostAcceptedAsync(app, $"api/households/{reporting}/changes", change);
        var again = await PostAcceptedAsync(app, $"api/households/{reporting}/changes", change);
        string review = reported.GetProperty("reviewId").GetString()!;
        Assert.True(reported.GetProperty("started").GetBoolean());
        Assert.False(again.GetProperty("started").GetBoolean());
        Assert.Equal(review, again.GetProperty("reviewId").GetString());
        Assert.Equal("self-reported", reported.GetProperty("reason").GetString());

        DateOnly died = today.AddDays(-10);
        var death = await PostAcceptedAsync(app, $"api/households/{bereaved}/changes", new { kind = "death", occurredOn = died, note = "The applicant's mother died." });
        var deathReview = await WaitForReviewAsync(app, death.GetProperty("reviewId").GetString()!, r => r.GetProperty("state").GetString() == "Open");
        Assert.Equal("death", deathReview.GetProperty("reason").GetString());
        Assert.Equal(died.AddMonths(3), DateOnly.Parse(deathReview.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture));

        // 3 working days of 2 seconds: the findings deadline passes and the review is escalated; it is on the work list.
        await WaitForReviewAsync(app, review, r => r.GetProperty("state").GetString() == "Escalated");
        var work = await GetJsonAsync(app, $"api/reviews?jurisdiction=rehearsal&due={Month(today)}");
        Assert.Contains(work.GetProperty("reviews").EnumerateArray(), r => r.GetProperty("reviewId").GetString() == review && r.GetProperty("reason").GetString() == "self-reported");

        var bad = await app.Client.PostAsJsonAsync($"api/reviews/{review}/findings", new { fraudSince = "2099-13" }, ReliefApp.Json);
        string problem = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("note", problem, StringComparison.Ordinal);
        Assert.Contains("fraudSince", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.PostAsJsonAsync("api/reviews/rv_hh-0_dibao_2030-01/findings", new { note = "x" }, ReliefApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.PostAsJsonAsync("api/households/hh-none/changes", change, ReliefApp.Json)).StatusCode);

        await PostFindingsAsync(app, review, new { note = "Part-time income below the disregard; the job began four months before it was reported.", unreportedChangeSince = today.AddMonths(-4).AddDays(-1) });
        var decided = await WaitForReviewAsync(app, review, r => r.GetProperty("runtimeStatus").GetString() == "Completed");
        Assert.Equal("Continued", decided.GetProperty("outcome").GetString());
        var household = await GetJsonAsync(app, $"api/households/{reporting}");
        Assert.Contains(household.GetProperty("programs")[0].GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("Warning (警示)", StringComparison.Ordinal));
        var conflict = await app.Client.PostAsJsonAsync($"api/reviews/{review}/findings", new { note = "again" }, ReliefApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    // Issue 12 acceptance: a host killed in the middle of a sweep misses none — the new host resumes it and every
    // household due gets its review once. (The index rows here have no enrolment behind them: each review ends as
    // superseded at once, which keeps the test about the sweep.)
    [Fact]
    public async Task Sweep_HostKilledMidway_MissesNone_StartsNoneTwice()
    {
        await using var app = await ReliefApp.StartAsync(new Dictionary<string, string> { ["Relief:Reviews:SweepPageSize"] = "5" });
        const string month = "2031-01";
        const int count = 120;
        var due = new TableClient(app.ConnectionString, app.ReviewDueTable);
        await due.CreateIfNotExistsAsync();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await due.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("HalfYearly|" + month, $"dibao|hh-s{i:0000}")
            {
                ["BeneficiaryId"] = $"hh-s{i:0000}", ["Program"] = "dibao", ["Jurisdiction"] = "rehearsal/drill", ["CaseId"] = $"case-s{i:0000}",
                ["Frequency"] = "HalfYearly", ["DueDate"] = "2031-01-15",
            })));
        }

        var start = await app.Client.PostAsync($"api/reviews/sweeps/half-yearly/{month}", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var instances = new TableClient(app.ConnectionString, app.InstancesTable);
        var until = DateTime.UtcNow.AddSeconds(60);
        while (await CountReviewInstancesAsync(instances) < 10 && DateTime.UtcNow < until) await Task.Delay(100);
        int before = await CountReviewInstancesAsync(instances);
        Assert.InRange(before, 10, count - 1); // killed mid-sweep
        app.Host.Kill();
        Assert.True(await app.Host.WaitForExitAsync(TimeSpan.FromSeconds(10)), "the killed host did not exit");
        await app.RestartAsync();

        var done = await SweepStatusAsync(app, "half-yearly", month, s => s.GetProperty("runtimeStatus").GetString() == "Completed", seconds: 180);
        Assert.Equal(count, done.GetProperty("started").GetInt32() + done.GetProperty("existing").GetInt32());
        Assert.Equal(count, await CountReviewInstancesAsync(instances));
        var again = await SweepAsync(app, "half-yearly", month, s => s.GetProperty("existing").GetInt32() == count);
        Assert.Equal(0, again.GetProperty("started").GetInt32());
        Assert.Equal(count, await CountReviewInstancesAsync(instances));
    }

    /// <summary>The host's lines about reviews and failures (the HTTP polling left out), for a failure message.</summary>
    private static string Relevant(ReliefApp app)
    {
        string[] lines = [.. app.Host.Output.Split('\n').Where(l => !l.Contains("Microsoft.AspNetCore", StringComparison.Ordinal) && !l.Contains("Executed 'GetReview'", StringComparison.Ordinal)
            && (l.Contains("Review", StringComparison.Ordinal) || l.Contains("fail", StringComparison.OrdinalIgnoreCase) || l.Contains("Exception", StringComparison.Ordinal)))];
        string text = string.Join('\n', lines);
        return text[^Math.Min(6000, text.Length)..];
    }

    private static async Task<int> CountReviewInstancesAsync(TableClient instances)
    {
        int n = 0;
        await foreach (var _ in instances.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {"rv_"} and PartitionKey lt {"rv`"}"), select: ["PartitionKey"])) n++;
        return n;
    }

    private static Relief.BankSimulator.BankSimulator BankFor(ReliefApp app, IReadOnlyDictionary<string, string> rejections)
    {
        var options = new Relief.BankSimulator.BankSimulatorOptions
        {
            OutboxContainerName = app.Bank("OutboxContainerName"),
            InboxContainerName = app.Bank("InboxContainerName"),
            StatusQueueName = app.Bank("StatusQueueName"),
        };
        foreach (var (account, code) in rejections) options.Rejections[account] = code;
        return new Relief.BankSimulator.BankSimulator(
            new Azure.Storage.Blobs.BlobServiceClient(app.ConnectionString),
            new Azure.Storage.Queues.QueueServiceClient(app.ConnectionString, new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.None }),
            options, TimeProvider.System);
    }

    private static async Task<string> HouseholdOfAsync(ReliefApp app, string caseId) =>
        (await InstructionsAsync(app, caseId)).Select(r => r.GetString("BeneficiaryId")).Distinct().Single();

    private static async Task<JsonElement> GetJsonAsync(ReliefApp app, string url)
    {
        var response = await app.Client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> PostAcceptedAsync(ReliefApp app, string url, object body)
    {
        var response = await app.Client.PostAsJsonAsync(url, body, ReliefApp.Json);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task PostFindingsAsync(ReliefApp app, string review, object body) => PostAcceptedAsync(app, $"api/reviews/{review}/findings", body);

    private static async Task<JsonElement> SweepAsync(ReliefApp app, string cadence, string month, Func<JsonElement, bool> done)
    {
        var response = await app.Client.PostAsync($"api/reviews/sweeps/{cadence}/{month}", null);
        string started = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {started}");
        return await SweepStatusAsync(app, cadence, month, s => s.GetProperty("runtimeStatus").GetString() == "Completed" && done(s), context: started);
    }

    private static async Task<JsonElement> SweepStatusAsync(ReliefApp app, string cadence, string month, Func<JsonElement, bool> done, int seconds = 90, string? context = null)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        string last = string.Empty;
        while (DateTime.UtcNow < until)
        {
            var response = await app.Client.GetAsync($"api/reviews/sweeps/{cadence}/{month}");
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var status = JsonDocument.Parse(last).RootElement;
                if (done(status)) return status.Clone();
            }

            await Task.Delay(250);
        }

        Assert.Fail($"The {cadence} sweep of {month} did not finish as expected: {last} (start: {context})\n{Relevant(app)}");
        return default;
    }

    private static async Task<JsonElement> WaitForReviewAsync(ReliefApp app, string reviewId, Func<JsonElement, bool> done, int seconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        string last = string.Empty;
        while (DateTime.UtcNow < until)
        {
            var response = await app.Client.GetAsync($"api/reviews/{reviewId}");
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var review = JsonDocument.Parse(last).RootElement;
                if (done(review)) return review.Clone();
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Review {reviewId} did not reach the expected state: {last}\n{Relevant(app)}");
        return default;
    }
}
