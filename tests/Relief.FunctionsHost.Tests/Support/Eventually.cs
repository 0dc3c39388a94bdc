using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Relief.FunctionsHost.Tests.Support;

/// <summary>Polls for an observable condition (correctness never rests on a sleep; the timeouts are hang guards).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, double seconds = 20, string? because = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed.TotalSeconds > seconds) Assert.Fail(because ?? $"The condition did not hold within {seconds} s.");
            await Task.Delay(100);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed.TotalSeconds > timeoutSeconds) Assert.Fail($"Timed out after {timeoutSeconds} s waiting for: {what}");
            await Task.Delay(25);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, int timeoutSeconds = 30) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeoutSeconds);

    /// <summary>Advances a fake clock in steps (letting the listeners react between steps) until the condition holds.</summary>
    /// <param name="notAfter">When given, the fake clock is never advanced past this instant; the wait goes on in real time.</param>
    public static async Task AdvanceUntilAsync(FakeTimeProvider time, TimeSpan step, Func<Task<bool>> condition, string what, int timeoutSeconds = 60, DateTimeOffset? notAfter = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed.TotalSeconds > timeoutSeconds) Assert.Fail($"Timed out after {timeoutSeconds} s (fake clock at {time.GetUtcNow():o}) waiting for: {what}");
            if (notAfter is null || time.GetUtcNow() + step <= notAfter) time.Advance(step);
            await Task.Delay(30);
        }
    }
}
