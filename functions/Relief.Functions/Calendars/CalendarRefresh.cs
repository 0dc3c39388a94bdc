using Microsoft.Extensions.Logging;
using Relief.Domain.Calendar;

namespace Relief.Functions.Calendars;

/// <summary>
/// Keeps this instance's calendar in step with the schedules other instances loaded at run time: before deadlines
/// are planned, the stored schedules are read again when the last read is older than <see cref="Interval"/>. An
/// unreachable store is logged and planning goes on with what is loaded (years still missing count provisionally,
/// marked so).
/// </summary>
public sealed partial class CalendarRefresh(CalendarFiles files, WorkingDayCalendar calendar, TimeProvider time, ILogger<CalendarRefresh> logger)
{
    /// <summary>How stale this instance's view of the stored schedules may be: 5 minutes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _lastRead = DateTimeOffset.MinValue;

    /// <summary>Reads the stored schedules again if the last read is older than <see cref="Interval"/>.</summary>
    public async Task EnsureFreshAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _lastRead < Interval) return;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (time.GetUtcNow() - _lastRead < Interval) return;
            foreach (var year in await files.ReadAllAsync(calendar.KnownYears, cancellationToken).ConfigureAwait(false))
            {
                if (calendar.TryLoad(year)) Loaded(logger, year.Year);
            }

            _lastRead = time.GetUtcNow();
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or FormatException or System.Text.Json.JsonException)
        {
            NotRead(logger, ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(5005, LogLevel.Information, "Working-day calendar {Year} loaded by another instance; loaded here too")]
    private static partial void Loaded(ILogger logger, int year);

    [LoggerMessage(5006, LogLevel.Warning, "Stored working-day calendars not read; planning with the years loaded")]
    private static partial void NotRead(ILogger logger, Exception exception);
}
