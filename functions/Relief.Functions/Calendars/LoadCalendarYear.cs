using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Relief.Cases.Lifecycle;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Cases;
using Relief.Domain.Calendar;
using Relief.Domain.Calendar.Loading;
using Relief.Domain.Validation;
using Relief.Functions.Applications;
using Relief.Functions.Http;
using Relief.Functions.Workflows;

namespace Relief.Functions.Calendars;

/// <summary>
/// <c>PUT /api/calendars/{year}</c> (admin key in Azure): loads the State Council's working-day schedule for a year
/// while the app runs — validated as the shipped files are, stored (so every instance and every restart has it),
/// loaded without a restart — and tells every open case counting on a provisional calendar year, whose workflow then
/// recomputes those deadlines, moves their timers and records the move in the audit trail. 200 with the number of
/// cases told; 400 naming what is wrong with the file; 409 when a different schedule of the year is loaded. The same
/// schedule again is a repeat, not a conflict: it tells the open cases once more (200, <c>repeated</c>), so a call
/// that died between storing the year and telling the cases is finished by calling again; a case already moved
/// finds nothing to recompute.
/// </summary>
public sealed partial class LoadCalendarYear(WorkingDayCalendar calendar, CalendarFiles files, ICaseStore cases, ILogger<LoadCalendarYear> logger)
{
    // The file as stored: indented, Chinese holiday names kept readable.
    private static readonly JsonSerializerOptions Stored = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Function(nameof(LoadCalendarYear))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "calendars/{year}")] HttpRequest request,
        string year,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        if (!int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number)
            || number is < ProvisionalCalendarYear.FirstYear or > ProvisionalCalendarYear.LastYear)
        {
            return Field("year", $"must be a year between {ProvisionalCalendarYear.FirstYear} and {ProvisionalCalendarYear.LastYear}.");
        }

        return await LoadAsync(request, number, durable, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IResult> LoadAsync(HttpRequest request, int year, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var read = await JsonBodies.ReadAsync<JsonObject>(request, cancellationToken).ConfigureAwait(false);
        if (!read.IsValid) return read.Problem!;
        string json = read.Value!.ToJsonString(Stored);

        CalendarYear schedule;
        try
        {
            schedule = CalendarFileParser.Parse($"{year}.json", json);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return Field("body", ex.Message);
        }

        if (schedule.Year != year) return Field("year", $"the file is the schedule of {schedule.Year}, not of {year}.");

        var (loaded, repeated) = await LoadOnceAsync(schedule, json, cancellationToken).ConfigureAwait(false);
        if (!loaded.SameDaysAs(schedule)) return Conflict(year);

        int told = 0;
        string? token = null;
        do
        {
            var page = await cases.QueryWorkListAsync(new WorkListQuery(PageSize: 500, ContinuationToken: token), cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Cases.Where(c => !CaseTransitions.IsTerminal(c.Step) && c.Deadlines.Any(d => d.Provisional && !c.ClosedDeadlines.Contains(d.Kind))))
            {
                await durable.RaiseEventAsync(record.CaseId, CaseOrchestrator.CalendarEvent, new CalendarLoadedEvent(year, loaded.Source), cancellationToken).ConfigureAwait(false);
                told++;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        Logs.Loaded(logger, year, told);
        return TypedResults.Ok(new CalendarLoaded(year, loaded.Source, loaded.Holidays.Count, loaded.WorkedWeekendDays.Count, told, repeated));
    }

    /// <summary>
    /// The schedule in force for the year after this call, and whether it was stored or loaded before. Stored first,
    /// then loaded: a call that dies after storing is completed by the next start (which loads the stored file) and by
    /// a repeated call (which tells the cases). A schedule stored by another instance wins over the request's.
    /// </summary>
    private async Task<(CalendarYear Loaded, bool Repeated)> LoadOnceAsync(CalendarYear schedule, string json, CancellationToken cancellationToken)
    {
        if (calendar.OfficialYear(schedule.Year) is { } known) return (known, true);
        bool stored = await files.TryStoreAsync(schedule.Year, json, cancellationToken).ConfigureAwait(false);
        if (!stored)
        {
            Logs.AlreadyStored(logger, schedule.Year);
            schedule = await files.ReadAsync(schedule.Year, cancellationToken).ConfigureAwait(false) ?? schedule;
        }

        calendar.TryLoad(schedule);
        return (calendar.OfficialYear(schedule.Year) ?? schedule, !stored);
    }

    private static IResult Field(string field, string message) =>
        Problems.Validation([new ValidationError(field, $"{field}: {message}")], "The schedule was not loaded.");

    private static IResult Conflict(int year) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Another schedule of the year is loaded",
            detail: $"A different working-day schedule of {year} is already loaded; an official schedule is not replaced at run time (the same file again is accepted and tells the open cases once more).");

    private static partial class Logs
    {
        [LoggerMessage(5003, LogLevel.Information, "Official working-day calendar {Year} loaded at run time; {Cases} open case(s) told to recompute provisional deadlines")]
        public static partial void Loaded(ILogger logger, int year, int cases);

        [LoggerMessage(5004, LogLevel.Warning, "Working-day calendar {Year} was already stored; the stored schedule is loaded")]
        public static partial void AlreadyStored(ILogger logger, int year);
    }
}

/// <summary>The answer of <c>PUT /api/calendars/{year}</c>.</summary>
/// <param name="Year">The year loaded.</param>
/// <param name="Source">The schedule's source.</param>
/// <param name="Holidays">Days off in it.</param>
/// <param name="WorkedWeekendDays">Weekend days worked (调休).</param>
/// <param name="CasesNotified">Open cases told to recompute provisional deadlines.</param>
/// <param name="Repeated">True when this schedule was already stored or loaded before this call, which then only told
/// the cases again.</param>
public sealed record CalendarLoaded(int Year, string Source, int Holidays, int WorkedWeekendDays, int CasesNotified, bool Repeated);
