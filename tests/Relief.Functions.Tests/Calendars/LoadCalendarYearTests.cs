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
    public async Task DeadlineInAProvisionalYear_OfficialScheduleLoaded_DeadlineMovedAndRecorded_SameFileAgainMovesNothing_AnotherFile409()
    {
        await using var app = await ReliefApp.StartAsync();
        var (caseId, before, old) = await ProvisionalCaseAsync(app);
        Assert.Contains(ReliefApp.History(before), h => h.GetProperty("summary").GetString()!.Contains("Deadline Overall", StringComparison.Ordinal)
            && h.GetProperty("summary").GetString()!.Contains("provisional", StringComparison.Ordinal));

        var schedule = ScheduleMoving(old);
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

        // The same file again is a repeat: accepted, nobody left to tell (the case's limit is no longer provisional), no
        // second move in the trail. Another schedule of the year is refused: an official schedule is not replaced.
        using var again = await app.Client.PutAsJsonAsync($"/api/calendars/{old.Year}", schedule);
        var repeat = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(again.StatusCode == HttpStatusCode.OK, repeat.ToString());
        Assert.True(repeat.GetProperty("repeated").GetBoolean());
        Assert.Equal(0, repeat.GetProperty("casesNotified").GetInt32());
        var other = new { year = old.Year, source = "another schedule", holidays = new[] { new { name = "元旦", from = $"{old.Year}-01-01", to = $"{old.Year}-01-01" } }, workedWeekendDays = Array.Empty<string>() };
        using var conflict = await app.Client.PutAsJsonAsync($"/api/calendars/{old.Year}", other);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("different working-day schedule", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var last = await app.StatusAsync(caseId);
        Assert.Equal(Iso(moved), Overall(last)!.Value.GetProperty("dueDate").GetString());
        Assert.Single(ReliefApp.History(last), h => h.GetProperty("summary").GetString()!.StartsWith($"Official working-day calendar {old.Year} loaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task YearStored_ButTheCasesNeverTold_BeforeACrash_TheSameFileAgainTellsThem()
    {
        await using var app = await ReliefApp.StartAsync();
        var (caseId, _, old) = await ProvisionalCaseAsync(app);
        var schedule = ScheduleMoving(old);

        // What a PUT leaves when its process dies after storing the year and before telling any case: the file in the
        // container, nothing raised. The restarted host loads the stored year at start; the case still counts on the
        // provisional one.
        var container = new Azure.Storage.Blobs.BlobContainerClient(app.ConnectionString, app.Setting("Relief:Calendars:ContainerName"));
        await container.CreateIfNotExistsAsync();
        await container.UploadBlobAsync($"{old.Year}.json", BinaryData.FromString(JsonSerializer.Serialize(schedule, ReliefApp.Json)));
        await app.RestartAsync();
        var waiting = await app.StatusAsync(caseId);
        Assert.True(Overall(waiting)!.Value.GetProperty("provisional").GetBoolean());

        using var load = await app.Client.PutAsJsonAsync($"/api/calendars/{old.Year}", schedule);
        var loaded = await load.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(load.StatusCode == HttpStatusCode.OK, loaded.ToString());
        Assert.True(loaded.GetProperty("repeated").GetBoolean());
        Assert.True(loaded.GetProperty("casesNotified").GetInt32() >= 1);

        var after = await app.WaitForStatusAsync(caseId, s => Overall(s) is { } o && !o.GetProperty("provisional").GetBoolean()
            && ReliefApp.History(s).Any(h => h.GetProperty("summary").GetString()!.StartsWith($"Official working-day calendar {old.Year} loaded", StringComparison.Ordinal)),
            "the overall limit recomputed on the stored official year, and the move recorded");
        var moved = DateOnly.Parse(Overall(after)!.Value.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(moved > old, $"{moved} should be after {old}");
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

    /// <summary>An accepted case whose overall limit is counted on a provisional year (30 working days from today reach a
    /// year without a shipped schedule): its id, its status, and that limit's due date.</summary>
    private static async Task<(string CaseId, JsonElement Status, DateOnly Due)> ProvisionalCaseAsync(ReliefApp app)
    {
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        await app.ActAcceptedAsync(caseId, "accept", new { });
        // The record and its audit trail are two writes: wait for both.
        var status = await app.WaitForStatusAsync(caseId, s => Overall(s) is { } o && o.GetProperty("provisional").GetBoolean()
            && ReliefApp.History(s).Any(h => h.GetProperty("summary").GetString()!.Contains("Deadline Overall", StringComparison.Ordinal)),
            "the overall limit, counted on a provisional year, and its audit entry");
        return (caseId, status, DateOnly.Parse(Overall(status)!.Value.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture));
    }

    /// <summary>A schedule for <paramref name="old"/>'s year (a test schedule, not the State Council's): New Year's Day,
    /// the old due date and up to two working days before it in that year are off, so a limit due then moves later.</summary>
    private static object ScheduleMoving(DateOnly old)
    {
        var off = new List<DateOnly>();
        for (var d = old; off.Count < 3 && d.Year == old.Year; d = d.AddDays(-1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && d != new DateOnly(old.Year, 1, 1)) off.Add(d);
        }

        Assert.Contains(old, off);
        var holidays = off.Select(d => new { name = "test day off", from = Iso(d), to = Iso(d) }).Append(new { name = "元旦", from = $"{old.Year}-01-01", to = $"{old.Year}-01-01" });
        return new { year = old.Year, source = "test schedule for " + old.Year, holidays, workedWeekendDays = Array.Empty<string>() };
    }

    private static JsonElement? Overall(JsonElement status) =>
        ReliefApp.Deadlines(status).Where(d => d.GetProperty("kind").GetString() == "Overall" && d.GetProperty("running").GetBoolean()).Select(d => (JsonElement?)d).LastOrDefault();

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
