using Azure;
using Microsoft.Extensions.Logging;
using Relief.FunctionsHost.Configuration;
using Relief.FunctionsHost.Invocations;
using Relief.FunctionsHost.Storage;

namespace Relief.FunctionsHost.Timers;

/// <summary>
/// Runs one timer function. At start: a missed occurrence (status <c>Next</c> in the past) runs once
/// with IsPastDue, else <c>runOnStartup</c> runs once. Then each occurrence is awaited on the injected
/// <see cref="TimeProvider"/> and run under a blob lease, only if the persisted status shows it has not
/// run yet; the status (last, next) is written after the run. So among hosts sharing storage, each
/// occurrence runs once.
/// </summary>
internal sealed class TimerListener(
    string functionName,
    Func<TimerInfo, FunctionContext, CancellationToken, Task> run,
    CronSchedule schedule,
    bool runOnStartup,
    StorageAccount account,
    ScheduleStatusStore store,
    TimersOptions options,
    InvocationTracker tracker,
    TimeProvider time,
    ILogger logger) : IDisposable
{
    /// <summary>The longest single wait for an occurrence.</summary>
    internal static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private Task _loop = Task.CompletedTask;
    private bool _disposed;

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host disposed before it was stopped (e.g. a failed start) has nothing left to stop.
        if (Volatile.Read(ref _disposed)) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _stop.Dispose();
        _abort.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            var status = await ReadStatusWithRetryAsync(stop).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (status is not null && status.Next <= now && status.Last != status.Next)
            {
                ListenerLogs.TimerPastDue(logger, functionName, status.Next);
                await RunOccurrenceAsync(status.Next, isPastDue: true, isStartupRun: false, stop).ConfigureAwait(false);
            }
            else if (runOnStartup)
            {
                await RunOccurrenceAsync(TimeZoneInfo.ConvertTime(now, schedule.Zone), isPastDue: false, isStartupRun: true, stop).ConfigureAwait(false);
            }

            if (status is null && schedule.NextAfter(now) is { } first)
            {
                await TryStorageAsync(first, () => store.WriteAsync(functionName, new ScheduleStatus(null, first, now), onlyIfAbsent: true, stop)).ConfigureAwait(false);
            }

            ListenerLogs.TimerListenerStarted(logger, functionName, schedule.ToString(), schedule.NextAfter(now));

            // The first occurrence counts from the clock read with the status, so one falling due during
            // the start-up work above still runs. Later ones count from the previous occurrence; those
            // that passed while a long run was in progress are skipped (as Functions does).
            var cursor = now;
            var firstWait = true;
            while (!stop.IsCancellationRequested)
            {
                if (schedule.NextAfter(cursor) is not { } next) return;
                now = time.GetUtcNow();
                if (!firstWait && next < now && schedule.NextAfter(now) is { } upcoming) next = upcoming;
                firstWait = false;
                while ((now = time.GetUtcNow()) < next)
                {
                    // Waited in slices: a timer cannot wait more than ~49 days at once (a yearly schedule would
                    // throw), and the clock is read again after each slice.
                    var wait = next - now;
                    await Task.Delay(wait > LongestWait ? LongestWait : wait, time, stop).ConfigureAwait(false);
                }

                await RunOccurrenceAsync(next, isPastDue: false, isStartupRun: false, stop).ConfigureAwait(false);
                cursor = next;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<ScheduleStatus?> ReadStatusWithRetryAsync(CancellationToken stop)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                return await store.ReadAsync(functionName, stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsStorageFailure(ex) && !stop.IsCancellationRequested)
            {
                ListenerLogs.TimerStorageFailed(logger, ex, functionName, time.GetUtcNow());
                await Task.Delay(delay, time, stop).ConfigureAwait(false);
                delay = delay < TimeSpan.FromSeconds(30) ? delay * 2 : delay;
            }
        }
    }

    private Task RunOccurrenceAsync(DateTimeOffset scheduled, bool isPastDue, bool isStartupRun, CancellationToken stop) =>
        TryStorageAsync(scheduled, async () =>
        {
            var held = await TimerLock.TryAcquireAsync(account, functionName, options.LeaseDuration, time, stop).ConfigureAwait(false);
            if (held is null)
            {
                ListenerLogs.TimerOccurrenceSkipped(logger, functionName, scheduled, "another host holds the lease");
                return;
            }

            await using (held.ConfigureAwait(false))
            {
                var status = await store.ReadAsync(functionName, stop).ConfigureAwait(false);
                if (!isStartupRun && status?.Last >= scheduled)
                {
                    ListenerLogs.TimerOccurrenceSkipped(logger, functionName, scheduled, "it already ran");
                    return;
                }

                if (!await InvokeAsync(new TimerInfo(scheduled, isPastDue, isStartupRun, status)).ConfigureAwait(false)) return;
                if (isStartupRun) return;

                var now = time.GetUtcNow();
                var next = schedule.NextAfter(now > scheduled ? now : scheduled) ?? DateTimeOffset.MaxValue;
                await store.WriteAsync(functionName, new ScheduleStatus(scheduled, next, now), onlyIfAbsent: false, CancellationToken.None).ConfigureAwait(false);
            }
        });

    /// <summary>Runs the function; false when the host cancelled it (the occurrence then counts as not run).</summary>
    private async Task<bool> InvokeAsync(TimerInfo timer)
    {
        using var invocation = tracker.Begin(functionName, TriggerKind.Timer);
        try
        {
            await run(timer, invocation.Context, _abort.Token).ConfigureAwait(false);

            invocation.Complete(InvocationOutcome.Succeeded);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            invocation.Complete(InvocationOutcome.Cancelled);
            return false;
        }
        catch (Exception ex)
        {
            // Not retried (as Functions): the occurrence counts as run; the next one comes as scheduled.
            invocation.Complete(InvocationOutcome.Failed, ex);
        }

        return true;
    }

    private async Task TryStorageAsync(DateTimeOffset scheduled, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            ListenerLogs.TimerStorageFailed(logger, ex, functionName, scheduled);
        }
    }

    private static bool IsStorageFailure(Exception ex) =>
        ex is RequestFailedException or HttpRequestException or AggregateException;
}
