using System.Globalization;

namespace Relief.Durable;

/// <summary>
/// Test-only crash points around the commit. Set <c>RELIEF_DURABLE_FAULT=point:n</c> and the process dies with
/// <see cref="Environment.FailFast(string)"/> the n-th time it reaches that point (no clean-up, as a kill). Unset: no
/// effect. The crash tests restart the host and check that every orchestration then completes once, correctly.
/// </summary>
public static class FaultInjection
{
    /// <summary>The environment variable read at start.</summary>
    public const string EnvironmentVariable = "RELIEF_DURABLE_FAULT";

    /// <summary>A client wrote the Pending row, before it handed the start over.</summary>
    public const string AfterStartRow = "after-start-row";

    /// <summary>An episode sent its messages to other instances, before its commit.</summary>
    public const string AfterSend = "after-send";

    /// <summary>An episode committed, before its activities and timers were armed.</summary>
    public const string AfterCommit = "after-commit";

    /// <summary>Activities and timers armed, before the consumed queue messages were deleted.</summary>
    public const string BeforeDelete = "before-delete";

    /// <summary>An activity's result was handed over in memory, before the orchestration committed it.</summary>
    public const string AfterActivity = "after-activity";

    /// <summary>Every point, for tests.</summary>
    public static readonly string[] Points = [AfterStartRow, AfterSend, AfterCommit, BeforeDelete, AfterActivity];

    private static readonly (string Point, int Hit)? Configured = Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));
    private static int _hits;

    /// <summary>Called at each point; kills the process on the configured hit.</summary>
    public static void Hit(string point)
    {
        if (Configured is not { } configured || !string.Equals(configured.Point, point, StringComparison.Ordinal)) return;
        var hit = Interlocked.Increment(ref _hits);
        if (hit != configured.Hit) return;
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
