using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Calendars;

/// <summary>
/// Calendars never stall a case (issue 16 § 4), end to end through the local host: a deadline reaching a year without
/// an official schedule is counted on a provisional year and marked so; loading that year's schedule at run time
/// (<c>PUT /api/calendars/{year}</c>) moves the case's pending deadline and records the move.
/// </summary>
public sealed class LoadCalendarYearTests
{
    [Fact]
    public async Task DeadlineInAProvisionalYear_OfficialScheduleLoaded_DeadlineMovedAndRecorded_SecondLoad409()
    {
        await using var app = await ReliefApp.StartAsync();
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        await app.ActAcceptedAsync(caseId, "accept", new { });
        // The record and its audit trail are two writes: wait for both.
        var before = await app.WaitForStatusAsync(caseId, s => Overall(s) is { } o && o.GetProperty("provisional").GetBoolean()
            && ReliefApp.History(s).Any(h => h.GetProperty("summary").GetString()!.Contains("Deadline Overall", StringComparison.Ordinal)),
            "the overall limit, counted on a provisional year (30 working days from today reach a year without a shipped schedule), and its audit entry");
        var old = DateOnly.Parse(Overall(before)!.Value.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);
        Assert.Contains(ReliefApp.History(before), h => h.GetProperty("summary").GetString()!.Contains("Deadline Overall", StringComparison.Ordinal)
            && h.GetProperty("summary").GetString()!.Contains("provisional", StringComparison.Ordinal));

        // A schedule for that year (a test schedule, not the State Council's): New Year's Day, the old due date and up
        // to two working days before it in that year are off, so the limit must move later.
        var off = new List<DateOnly>();
        for (var d = old; off.Count < 3 && d.Year == old.Year; d = d.AddDays(-1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && d != new DateOnly(old.Year, 1, 1)) off.Add(d);
        }

        Assert.Contains(old, off);
        var holidays = off.Select(d => new { name = "test day off", from = Iso(d), to = Iso(d) }).Append(new { name = "元旦", from = $"{old.Year}-01-01", to = $"{old.Year}-01-01" });
        var schedule = new { year = old.Year, source = "test schedule for " + old.Year, holidays, workedWeekendDays = Array.Empty<string>() };

        using var load = await app.Client.PutAsJsonAsync($"/api/calendars/{old.Year}", schedule);
        var loaded = await load.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(load.StatusCode == HttpStatusCode.OK, loaded.ToString());
        Assert.True(loaded.GetProperty("casesNotified").GetInt32() >= 1);

        // The record and its audit trail are two writes: wait for both.
        var after = await app.WaitForStatusAsync(caseId, s => Overall(s) is { } o && !o.GetProperty("provisional").GetBoolean()
            && ReliefApp.History(s).Any(h => h.GetProperty("summary").GetString()!.StartsWith($"Official working-day calendar {old.Year} loaded", StringComparison.Ordinal)),
            "the overall limit recomputed on the official year, and the move recorded");
        var moved = DateOnly.Parse(Overall(after)!.Value.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(moved > old, $"{moved} should be after {old}");
        Assert.Single(ReliefApp.History(after), h => h.GetProperty("summary").GetString()!.StartsWith($"Official working-day calendar {old.Year} loaded", StringComparison.Ordinal)
            && h.GetProperty("summary").GetString()!.Contains("Overall moves from " + Iso(old) + " to " + Iso(moved), StringComparison.Ordinal));
        Assert.Equal("Investigation", after.GetProperty("step").GetString());

        using var again = await app.Client.PutAsJsonAsync($"/api/calendars/{old.Year}", schedule);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task ScheduleOfAnotherYear_Or_ADateOutsideIt_400NamingTheProblem_NothingLoaded()
    {
        await using var app = await ReliefApp.StartAsync();
        var wrongYear = new { year = 2031, source = "x", holidays = Array.Empty<object>(), workedWeekendDays = Array.Empty<string>() };
        var outside = new { year = 2030, source = "x", holidays = new[] { new { name = "x", from = "2029-12-31", to = "2030-01-01" } }, workedWeekendDays = Array.Empty<string>() };

        using var a = await app.Client.PutAsJsonAsync("/api/calendars/2030", wrongYear);
        using var b = await app.Client.PutAsJsonAsync("/api/calendars/2030", outside);
        using var c = await app.Client.PutAsJsonAsync("/api/calendars/1999", wrongYear);
        var problemA = await a.Content.ReadFromJsonAsync<JsonElement>();
        var problemB = await b.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problemA.TryGetProperty("errors", out _), problemA.ToString());
        Assert.True(problemB.TryGetProperty("errors", out _), problemB.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode);
        Assert.Contains("not of 2030", problemA.GetProperty("errors").GetProperty("year")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, b.StatusCode);
        Assert.Contains("holidays[0]", problemB.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, c.StatusCode);
        // Nothing was loaded: a valid 2030 schedule is still accepted.
        using var valid = await app.Client.PutAsJsonAsync("/api/calendars/2030", new { year = 2030, source = "test", holidays = new[] { new { name = "元旦", from = "2030-01-01", to = "2030-01-01" } }, workedWeekendDays = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    private static JsonElement? Overall(JsonElement status) =>
        ReliefApp.Deadlines(status).Where(d => d.GetProperty("kind").GetString() == "Overall" && d.GetProperty("running").GetBoolean()).Select(d => (JsonElement?)d).LastOrDefault();

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
