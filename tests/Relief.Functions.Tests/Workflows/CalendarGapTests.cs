using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Relief.Cases.Deadlines;
using Relief.Domain.Calendar;
using Relief.Domain.Calendar.Loading;
using Relief.Functions.Tests.Applications;
using Relief.Functions.Tests.Builders;

namespace Relief.Functions.Tests.Workflows;

/// <summary>
/// A deadline reaching into a year whose working-day calendar is not loaded: the gap is escalated, nothing is guessed,
/// the case's actions are kept, and once the year's calendar is deployed the workflow goes on by itself.
/// </summary>
public sealed class CalendarGapTests
{
    /// <summary>Monday 14 December 2026, 09:00 in Beijing: a 20-working-day limit from here ends in 2027.</summary>
    private static readonly DateTimeOffset LateInTheYear = new(2026, 12, 14, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task AcceptedLateInTheYear_NoCalendarForNextYear_EscalatedAndKept_ThenGoesOnOnceTheCalendarIsDeployed()
    {
        await using var app = await ReliefApp.StartAsync(LateInTheYear);
        var caseId = await app.SubmitAsync(TestApplications.QingdaoDibao());
        await app.ActAcceptedAsync(caseId, "accept", new { actor = "caseworker:0042" });

        var gap = await app.WaitForStatusAsync(caseId, s => ReliefApp.History(s).Any(h => h.GetProperty("kind").GetString() == "Escalation"
            && h.GetProperty("summary").GetString()!.StartsWith("Working-day calendar missing", StringComparison.Ordinal)), "the calendar-gap escalation");
        Assert.Equal("Submitted", gap.GetProperty("step").GetString());
        Assert.Contains("2027", ReliefApp.History(gap).Single(h => h.GetProperty("kind").GetString() == "Escalation").GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Empty(ReliefApp.Deadlines(gap));

        // A deployment with the 2027 calendar file (test data here: weekends only), then the next retry.
        string folder = Directory.CreateTempSubdirectory("relief-calendar-").FullName;
        foreach (var file in Directory.GetFiles(CalendarFileLoader.ShippedFolder, "*.json")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        await File.WriteAllTextAsync(Path.Combine(folder, "2027.json"), """{ "year": 2027, "source": "test data: weekends only", "holidays": [], "workedWeekendDays": [] }""");
        var calendar = await CalendarFileLoader.LoadFolderAsync(folder, CancellationToken.None);
        await app.RestartAsync(services =>
        {
            services.RemoveAll<WorkingDayCalendar>();
            services.RemoveAll<CaseDeadlinePlanner>();
            services.AddSingleton(calendar);
            services.AddSingleton(new CaseDeadlinePlanner(calendar));
        });
        app.Time.Advance(TimeSpan.FromHours(7));

        var accepted = await app.WaitForDeadlineAsync(caseId, "Overall");
        Assert.Equal("Investigation", accepted.GetProperty("step").GetString());
        var overall = ReliefApp.Deadlines(accepted).Single(d => d.GetProperty("kind").GetString() == "Overall");
        Assert.Equal(new DeadlineCalculator(calendar).WorkingDays(LateInTheYear, 20).DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), overall.GetProperty("dueDate").GetString());
        Assert.StartsWith("2027-01", overall.GetProperty("dueDate").GetString(), StringComparison.Ordinal);
        Assert.Contains(ReliefApp.History(accepted), h => h.GetProperty("kind").GetString() == "StepChanged" && h.GetProperty("actor").GetString() == "caseworker:0042");
        Assert.Single(ReliefApp.History(accepted), h => h.GetProperty("kind").GetString() == "Escalation");
        Directory.Delete(folder, recursive: true);
    }
}
