using Relief.Hosting.Invocations;
using Relief.Hosting.Timers;

namespace Relief.Hosting;

/// <summary>One function mapped to its trigger.</summary>
/// <param name="Name">Function name (unique in the app; used in logs and storage paths).</param>
/// <param name="Trigger">Trigger kind.</param>
/// <param name="FunctionType">The class that implements the function.</param>
/// <param name="Target">HTTP: <c>METHOD route</c>; queue: queue name; timer: CRON schedule (as registered; <c>%Setting%</c> allowed).</param>
/// <param name="RunOnStartup">Timers only: also run once when the host starts.</param>
public sealed record FunctionRegistration(string Name, TriggerKind Trigger, Type FunctionType, string Target, bool RunOnStartup = false);

/// <summary>Every function of the app; filled by <see cref="FunctionHost"/>'s registration methods,
/// resolved (settings, schedules) when the host starts.</summary>
public sealed class FunctionRegistry
{
    private readonly List<FunctionRegistration> _all = [];
    private readonly Dictionary<string, ResolvedQueue> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CronSchedule> _timers = new(StringComparer.Ordinal);

    /// <summary>All registrations, in registration order.</summary>
    public IReadOnlyList<FunctionRegistration> All => _all;

    internal void Add(FunctionRegistration registration)
    {
        if (_all.Any(r => string.Equals(r.Name, registration.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A function named '{registration.Name}' is already registered; function names must be unique.");
        }

        _all.Add(registration);
    }

    internal IReadOnlyDictionary<string, ResolvedQueue> Queues => _queues;

    internal IReadOnlyDictionary<string, CronSchedule> Timers => _timers;

    internal void Resolve(string name, ResolvedQueue queue) => _queues[name] = queue;

    internal void Resolve(string name, CronSchedule schedule) => _timers[name] = schedule;

    internal sealed record ResolvedQueue(string QueueName, Type MessageType);
}
