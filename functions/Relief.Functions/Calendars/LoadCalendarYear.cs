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
/// cases told; 400 naming what is wrong with the file; 409 when the year is already loaded.
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
        if (calendar.KnownYears.Contains(year)) return Conflict(year);

        // Stored first: if the load below is interrupted, the next start loads it; the notification is repeated by
        // calling again (409 then means stored and loaded; cases already moved ignore a second notice).
        bool stored = await files.TryStoreAsync(year, json, cancellationToken).ConfigureAwait(false);
        calendar.TryLoad(schedule);
        if (!stored) Logs.AlreadyStored(logger, year);

        int told = 0;
        string? token = null;
        do
        {
            var page = await cases.QueryWorkListAsync(new WorkListQuery(PageSize: 500, ContinuationToken: token), cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Cases.Where(c => !CaseTransitions.IsTerminal(c.Step) && c.Deadlines.Any(d => d.Provisional && !c.ClosedDeadlines.Contains(d.Kind))))
            {
                await durable.RaiseEventAsync(record.CaseId, CaseOrchestrator.CalendarEvent, new CalendarLoadedEvent(year, schedule.Source), cancellationToken).ConfigureAwait(false);
                told++;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        Logs.Loaded(logger, year, told);
        return TypedResults.Ok(new CalendarLoaded(year, schedule.Source, schedule.Holidays.Count, schedule.WorkedWeekendDays.Count, told));
    }

    private static IResult Field(string field, string message) =>
        Problems.Validation([new ValidationError(field, $"{field}: {message}")], "The schedule was not loaded.");

    private static IResult Conflict(int year) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Year already loaded",
            detail: $"The working-day schedule of {year} is already loaded; an official schedule is not replaced at run time.");

    private static partial class Logs
    {
        [LoggerMessage(5003, LogLevel.Information, "Official working-day calendar {Year} loaded at run time; {Cases} open case(s) told to recompute provisional deadlines")]
        public static partial void Loaded(ILogger logger, int year, int cases);

        [LoggerMessage(5004, LogLevel.Warning, "Working-day calendar {Year} was already stored; loaded from this request")]
        public static partial void AlreadyStored(ILogger logger, int year);
    }
}

/// <summary>The answer of <c>PUT /api/calendars/{year}</c>.</summary>
/// <param name="Year">The year loaded.</param>
/// <param name="Source">The schedule's source.</param>
/// <param name="Holidays">Days off in it.</param>
/// <param name="WorkedWeekendDays">Weekend days worked (调休).</param>
/// <param name="CasesNotified">Open cases told to recompute provisional deadlines.</param>
public sealed record CalendarLoaded(int Year, string Source, int Holidays, int WorkedWeekendDays, int CasesNotified);
