using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Relief.Domain.Calendar;

namespace Relief.Functions.Calendars;

/// <summary>At start, loads the official schedules stored at run time (<see cref="CalendarFiles"/>) into the
/// calendar. Storage not reachable: logged, the app starts and counts those years provisionally (marked so) until
/// the next start or the next load.</summary>
public sealed partial class CalendarStartup(CalendarFiles files, WorkingDayCalendar calendar, ILogger<CalendarStartup> logger) : IHostedService
{
    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            foreach (var year in await files.ReadAllAsync(bounded.Token).ConfigureAwait(false))
            {
                if (calendar.TryLoad(year)) Loaded(logger, year.Year);
            }
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or OperationCanceledException or FormatException or AggregateException)
        {
            NotLoaded(logger, ex);
        }
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(5001, LogLevel.Information, "Official working-day calendar {Year} loaded from storage")]
    private static partial void Loaded(ILogger logger, int year);

    [LoggerMessage(5002, LogLevel.Warning, "Stored working-day calendars not read at start; years without a shipped schedule count provisionally")]
    private static partial void NotLoaded(ILogger logger, Exception exception);
}
