using System.Diagnostics;

namespace Relief.FunctionsHost.Tests.Support;

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
}
