using System.Diagnostics.CodeAnalysis;

namespace Relief.FunctionsHost.Timers;

/// <summary>
/// Resolves a time-zone id (Windows such as <c>China Standard Time</c>, or IANA such as <c>Asia/Shanghai</c>).
/// China Standard Time resolves even on a machine without tz data or ICU: it is a fixed UTC+8
/// with no daylight saving (none since 1991).
/// </summary>
public static class TimeZones
{
    /// <summary>UTC+8 without daylight saving, used when the system has no entry for China.</summary>
    public static TimeZoneInfo ChinaStandardTime { get; } =
        TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "(UTC+08:00) Beijing", "China Standard Time");

    /// <summary>Finds the zone; false for an unknown id.</summary>
    public static bool TryResolve(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id)) return false;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone)) return true;
        if (id is "China Standard Time" or "Asia/Shanghai" or "Asia/Chongqing" or "PRC" or "UTC+08:00")
        {
            zone = ChinaStandardTime;
            return true;
        }

        return false;
    }
}
