using System.Globalization;

namespace Relief.Durable.Worker;

/// <summary>
/// Test-only crash points across the checkpoint. Set <c>RELIEF_DURABLE_FAULT=point:n</c> (point is
/// <c>after-enqueue</c>, <c>after-commit</c>, <c>before-delete</c> or <c>after-inprocess-start</c>) and the process dies with
/// <see cref="Environment.FailFast(string)"/> the n-th time it reaches that point. Unset: no effect.
/// </summary>
public static class FaultInjection
{
    /// <summary>The environment variable read at start.</summary>
    public const string EnvironmentVariable = "RELIEF_DURABLE_FAULT";

    /// <summary>After outbound messages and timers are written, before the history commit.</summary>
    public const string AfterEnqueue = "after-enqueue";
    /// <summary>After the history commit, before the index update and message deletes.</summary>
    public const string AfterCommit = "after-commit";
    /// <summary>After everything but the deletion of consumed messages.</summary>
    public const string BeforeDelete = "before-delete";
    /// <summary>After a client handed a start to its own process's worker (no queue message), before the first commit.</summary>
    public const string AfterInProcessStart = "after-inprocess-start";

    private static readonly (string Point, int Hit)? Configured = Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));
    private static int _hits;

    /// <summary>Called at each point; kills the process on the configured hit.</summary>
    public static void Hit(string point, Action<string, int>? beforeExit = null)
    {
        if (Configured is not { } configured || !string.Equals(configured.Point, point, StringComparison.Ordinal)) return;
        var hit = Interlocked.Increment(ref _hits);
        if (hit != configured.Hit) return;
        beforeExit?.Invoke(point, hit);
        Environment.FailFast($"Relief.Durable fault injection at {point} (hit {hit}).");
    }

    private static (string, int)? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parts = value.Split(':', 2);
        var hit = parts.Length == 2 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1;
        return (parts[0].Trim(), hit);
    }
}
