using Microsoft.Azure.Functions.Worker;

namespace Relief.FunctionsHost.ConformanceApp.Timers;

/// <summary>A yearly timer with <c>RunOnStartup</c>: it runs once when the host starts.</summary>
public sealed class StartupTick
{
    [Function(nameof(StartupTick))]
    [QueueOutput("%TickQueue%")]
    public static string Run([TimerTrigger("0 0 0 1 1 *", RunOnStartup = true)] TimerInfo timer) => $"startup|{timer.IsPastDue}||";
}
