using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Relief.Cases.Tests.Builders;
using Relief.Functions.Tests.Builders;
using static Relief.Functions.Tests.Builders.PayrollSteps;
using static Relief.Functions.Tests.Feeds.FeedSteps;

namespace Relief.Functions.Tests.Feeds;

/// <summary>
/// Issue 13, end to end through the local host on Azurite: each agency feed's effect on beneficiaries (death, custody,
/// job placement, hukou move and its handover), the payroll that follows, duplicates and late records, invalid messages
/// poisoned with their reason, and the monthly visits.
/// </summary>
public sealed class BeneficiaryFeedTests
{
    [Fact]
    public async Task Feeds_ChangeWhatBeneficiariesArePaid_ReviewsAndHandovers_Follow()
    {
        await using var app = await ReliefApp.StartAsync();
        var one = Household(1);
        var two = Household(2);
        var approved = await Task.WhenAll(
            ApproveDibaoAsync(app, applicantId: one.Applicant, household: one.Application),
            ApproveDibaoAsync(app, applicantId: two.Applicant, household: two.Application));
        Assert.All(approved, a => Assert.Equal(1200.00m, a.Amount)); // 3 × 700 − 900
        string first = (await InstructionsAsync(app, approved[0].CaseId)).Select(r => r.GetString("BeneficiaryId")).Distinct().Single();
        string second = (await InstructionsAsync(app, approved[1].CaseId)).Select(r => r.GetString("BeneficiaryId")).Distinct().Single();
        DateOnly today = TodayInChina;

        // Death of household one's spouse (civil registry), the same record again, and the hospital's notice of the same death.
        var death = new { recordId = "mz-2026-0001", residentId = one.Spouse, dateOfDeath = today.AddDays(-2), source = "civil-registry" };
        await PostAsync(app, "Deaths", death);
        string applied = await ResultAsync(app, "deaths", "mz-2026-0001");
        Assert.Contains("500.00 yuan a month from " + Month(today, 1), applied, StringComparison.Ordinal);
        Assert.Contains("death-", applied, StringComparison.Ordinal);
        await RepeatAsync(app, "Deaths", "deaths", "mz-2026-0001", death);
        await PostAsync(app, "Deaths", new { recordId = "hosp-77", residentId = one.Spouse, dateOfDeath = today.AddDays(-2), source = "hospital" });
        Assert.Contains("already recorded", await ResultAsync(app, "deaths", "hosp-77"), StringComparison.Ordinal);

        // A disability record arriving after the death does not bring the spouse back (no lead, nothing changes).
        var late = new { recordId = "cl-9", residentId = one.Spouse, jurisdiction = "rehearsal/drill", type = "physical", grade = 1, registeredOn = today.AddDays(-30) };
        await PostAsync(app, "Disability", late);
        Assert.Contains("reported deceased", await ResultAsync(app, "disability", "cl-9"), StringComparison.Ordinal);
        await RepeatAsync(app, "Disability", "disability", "cl-9", late);

        // The death review is due within 3 months of the death.
        string deathReview = $"rv_{first}_dibao_death-{today.AddDays(-2):yyyyMMdd}";
        var review = await WaitForJsonAsync(app.Client, $"api/reviews/{deathReview}", r => r.GetProperty("state").GetString() == "Open");
        Assert.Equal(today.AddDays(-2).AddMonths(3), DateOnly.Parse(review.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture));

        // Household two: the spouse is imprisoned (leaves the count), the applicant finds a job (a review), then moves away (handover).
        var custody = new { recordId = "sf-1", residentId = two.Spouse, jurisdiction = "rehearsal/drill", kind = "imprisonment", from = today.AddDays(-5) };
        await PostAsync(app, "Custody", custody);
        Assert.Contains("500.00 yuan a month from " + Month(today, 1), await ResultAsync(app, "custody", "sf-1"), StringComparison.Ordinal);
        await RepeatAsync(app, "Custody", "custody", "sf-1", custody);
        var job = new { recordId = "rs-1", residentId = two.Applicant, startedOn = today.AddDays(-1), monthlyWage = 2600m };
        await PostAsync(app, "Jobs", job);
        Assert.Contains("job-placement", await ResultAsync(app, "jobs", "rs-1"), StringComparison.Ordinal);
        await RepeatAsync(app, "Jobs", "jobs", "rs-1", job);
        await WaitForJsonAsync(app.Client, $"api/reviews/rv_{second}_dibao_job-placement-{today.AddDays(-1):yyyyMMdd}", r => r.GetProperty("reason").GetString() == "job-placement");
        var move = new { recordId = "ga-1", residentId = two.Applicant, fromJurisdiction = "rehearsal/drill", toJurisdiction = "rehearsal/exercise", movedOn = today.AddDays(-3) };
        await PostAsync(app, "Hukou", move);
        Assert.Contains("stays responsible", await ResultAsync(app, "hukou", "ga-1"), StringComparison.Ordinal);
        await RepeatAsync(app, "Hukou", "hukou", "ga-1", move);
        var pending = await GetJsonAsync(app.Client, "api/handovers");
        Assert.Contains(pending.GetProperty("handovers").EnumerateArray(), h => h.GetProperty("beneficiaryId").GetString() == second && h.GetProperty("state").GetString() == "Requested");
        var household = await GetJsonAsync(app.Client, $"api/households/{second}");
        Assert.Equal("rehearsal/drill", household.GetProperty("programs")[0].GetProperty("jurisdiction").GetString()); // the old office until accepted

        // Only the receiving office accepts; then the household is its own.
        using (var drillOnly = app.ClientAs(TestTokens.Person("0601", Relief.Identity.ReliefRoles.Caseworker, "rehearsal/drill")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await drillOnly.PostAsync($"api/handovers/{second}/dibao/accept", null)).StatusCode);
        }

        using (var exercise = app.ClientAs(TestTokens.Person("0602", Relief.Identity.ReliefRoles.Caseworker, "rehearsal/exercise")))
        {
            var accepted = await PostJsonAsync(exercise, $"api/handovers/{second}/dibao/accept", new { }, HttpStatusCode.OK);
            Assert.Equal("Accepted", accepted.GetProperty("state").GetString());
        }

        household = await GetJsonAsync(app.Client, $"api/households/{second}");
        Assert.Equal("rehearsal/exercise", household.GetProperty("programs")[0].GetProperty("jurisdiction").GetString());

        // The payroll of the month after next pays each household the amount the records left it.
        string month2 = Month(today, 2);
        await WaitForPayrollAsync(app, month2, after: await StartAsync(app, month2));
        decimal Paid(IReadOnlyList<TableEntity> rows) => decimal.Parse(rows.Single(r => r.GetString("Period") == month2).GetString("Amount"), CultureInfo.InvariantCulture);
        Assert.Equal(500.00m, Paid(await InstructionsAsync(app, approved[0].CaseId)));
        Assert.Equal(500.00m, Paid(await InstructionsAsync(app, approved[1].CaseId)));
        var register = new TableClient(app.ConnectionString, app.Setting("Relief:Payments:Storage:RegisterTableName"));
        var rowOne = register.Query<TableEntity>(TableClient.CreateQueryFilter($"BeneficiaryId eq {first}")).Single();
        Assert.Equal(1, JsonDocument.Parse(rowOne.GetString("Changes")).RootElement.EnumerateArray().Count(c => c.GetProperty("kind").GetString() == "adjusted")); // the duplicate changed nothing
        var rowTwo = register.Query<TableEntity>(TableClient.CreateQueryFilter($"BeneficiaryId eq {second}")).Single();
        Assert.Equal("rehearsal/exercise", rowTwo.GetString("Jurisdiction"));
        Assert.Equal(1, JsonDocument.Parse(rowTwo.GetString("Changes")).RootElement.EnumerateArray().Count(c => c.GetProperty("kind").GetString() == "adjusted"));
        var reviews = await GetJsonAsync(app.Client, $"api/households/{second}");
        Assert.Single(reviews.GetProperty("reviews").EnumerateArray(), r => r.GetProperty("reason").GetString() == "job-placement"); // the repeated job record started none
    }

    [Fact]
    public async Task InvalidMessages_ArePoisonedWithTheirReason_OnEveryFeed()
    {
        await using var app = await ReliefApp.StartAsync();
        DateOnly today = TodayInChina;
        string valid = TestIds.For(new DateOnly(1970, 1, 1), 42);
        string wrongCheck = TestIds.WithWrongCheck(new DateOnly(1970, 1, 1), 42);
        await PostAsync(app, "Deaths", new { recordId = "d-1", residentId = wrongCheck, dateOfDeath = today, source = "civil-registry" });
        await PostAsync(app, "Disability", new { recordId = "c-1", residentId = valid, jurisdiction = "atlantis", type = "physical", grade = 7, registeredOn = today });
        await PostAsync(app, "Medical", "{ this is not json");
        await PostAsync(app, "Hukou", new { recordId = "h-1", residentId = valid, fromJurisdiction = "rehearsal/drill", toJurisdiction = "rehearsal/drill", movedOn = today.AddDays(3) });
        await PostAsync(app, "Custody", new { recordId = "s-1", residentId = valid, jurisdiction = "rehearsal/drill", kind = "holiday", from = today, children = new[] { valid } });
        await PostAsync(app, "Jobs", new { residentId = valid, startedOn = today, monthlyWage = 12.345m });

        string Error(IReadOnlyList<JsonElement> r) => r.Single().GetProperty("error").GetString()!;
        var deaths = await RejectionsAsync(app, "Deaths", 1);
        Assert.Contains("residentId: the check character", Error(deaths), StringComparison.Ordinal);
        Assert.Equal("Invalid", deaths[0].GetProperty("reason").GetString());
        Assert.Contains("d-1", deaths[0].GetProperty("body").GetString()!, StringComparison.Ordinal); // the original kept whole
        var disability = Error(await RejectionsAsync(app, "Disability", 1));
        Assert.Contains("jurisdiction: jurisdiction 'atlantis' is not configured", disability, StringComparison.Ordinal);
        Assert.Contains("grade:", disability, StringComparison.Ordinal);
        Assert.Contains("Not the documented JSON", Error(await RejectionsAsync(app, "Medical", 1)), StringComparison.Ordinal);
        var hukou = Error(await RejectionsAsync(app, "Hukou", 1));
        Assert.Contains("toJurisdiction: the same as fromJurisdiction", hukou, StringComparison.Ordinal);
        Assert.Contains("movedOn:", hukou, StringComparison.Ordinal);
        var custody = Error(await RejectionsAsync(app, "Custody", 1));
        Assert.Contains("kind: one of imprisonment, compulsoryRehabilitation", custody, StringComparison.Ordinal);
        Assert.Contains("children[0]: not a minor", custody, StringComparison.Ordinal);
        var jobs = Error(await RejectionsAsync(app, "Jobs", 1));
        Assert.Contains("recordId:", jobs, StringComparison.Ordinal);
        Assert.Contains("monthlyWage:", jobs, StringComparison.Ordinal);
        Assert.DoesNotContain(valid, app.Host.Output, StringComparison.Ordinal); // no ID number in the logs

        // A record id reused with other content is refused, not applied silently.
        await PostAsync(app, "Jobs", new { recordId = "j-1", residentId = valid, startedOn = today });
        Assert.Contains("not a beneficiary", await ResultAsync(app, "jobs", "j-1"), StringComparison.Ordinal);
        await PostAsync(app, "Jobs", new { recordId = "j-1", residentId = valid, startedOn = today.AddDays(-1) });
        var conflict = (await RejectionsAsync(app, "Jobs", 2)).Single(r => r.GetProperty("reason").GetString() == "Conflict");
        Assert.Contains("recordId: 'j-1' was received", conflict.GetProperty("error").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthlyVisits_WorkList_AndAFindingStartsAReview()
    {
        await using var app = await ReliefApp.StartAsync();
        var one = Household(3);
        var approved = await ApproveDibaoAsync(app, applicantId: one.Applicant, household: one.Application);
        string household = (await InstructionsAsync(app, approved.CaseId)).Select(r => r.GetString("BeneficiaryId")).Distinct().Single();
        DateOnly today = TodayInChina;
        string next = Month(today, 1); // enrolled from the month after approval

        var due = await GetJsonAsync(app.Client, $"api/visits/due?jurisdiction=rehearsal&month={next}");
        Assert.Contains(due.GetProperty("due").EnumerateArray(), d => d.GetProperty("beneficiaryId").GetString() == household);
        Assert.Equal(0, due.GetProperty("visitedCount").GetInt32());

        // Visits are recorded in the month they happen; this one is in the current month, so the household is due next month still.
        var visit = new { visitedOn = today, note = "The applicant's wages seem to have stopped; the family asked about medical bills.", startReview = true };
        var recorded = await PostJsonAsync(app.Client, $"api/households/{household}/visits", visit, HttpStatusCode.Created);
        Assert.True(recorded.GetProperty("created").GetBoolean());
        string reviewId = recorded.GetProperty("visit").GetProperty("reviewId").GetString()!;
        Assert.Equal($"rv_{household}_dibao_visit-{today:yyyyMMdd}", reviewId);
        var again = await PostJsonAsync(app.Client, $"api/households/{household}/visits", visit, HttpStatusCode.Created);
        Assert.False(again.GetProperty("created").GetBoolean());
        await WaitForJsonAsync(app.Client, $"api/reviews/{reviewId}", r => r.GetProperty("reason").GetString() == "visit");

        var bad = await app.Client.PostAsJsonAsync($"api/households/{household}/visits", new { visitedOn = today.AddDays(2), actor = "someone" }, ReliefApp.Json);
        string problem = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("visitedOn", problem, StringComparison.Ordinal);
        Assert.Contains("note", problem, StringComparison.Ordinal);
        Assert.Contains("actor", problem, StringComparison.Ordinal);

        using var elsewhere = app.ClientAs(TestTokens.Person("0603", Relief.Identity.ReliefRoles.Caseworker, "qingdao/shinan"));
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync($"api/visits/due?jurisdiction=rehearsal&month={next}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.PostAsJsonAsync($"api/households/{household}/visits", visit, ReliefApp.Json)).StatusCode);
    }
}
