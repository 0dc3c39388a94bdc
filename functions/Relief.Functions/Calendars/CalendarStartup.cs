using Microsoft.Extensions.Hosting;

namespace Relief.Functions.Calendars;

/// <summary>At start, loads the official schedules stored at run time into the calendar (<see cref="CalendarRefresh"/>,
/// at most 10 s). Storage not reachable: logged there; the app starts and counts those years provisionally (marked
/// so) until the next read before planning.</summary>
public sealed class CalendarStartup(CalendarRefresh refresh) : IHostedService
{
    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await refresh.EnsureFreshAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Slow storage: the first planning reads the schedules again.
        }
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
