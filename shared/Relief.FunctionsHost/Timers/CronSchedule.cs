using Cronos;

namespace Relief.FunctionsHost.Timers;

/// <summary>A 6-field CRON schedule (second minute hour day month day-of-week) in a time zone, or a
/// fixed interval (a TimeSpan schedule such as <c>00:05:00</c>: each occurrence that long after the previous).</summary>
public sealed class CronSchedule
{
    private readonly CronExpression? _expression;
    private readonly TimeSpan _interval;

    private CronSchedule(string text, CronExpression? expression, TimeSpan interval, TimeZoneInfo zone)
    {
        Text = text;
        _expression = expression;
        _interval = interval;
        Zone = zone;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The zone the fields are read in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Parses a 6-field expression; a 5-field or malformed one fails with an explanation.</summary>
    public static CronSchedule Parse(string text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            throw new FormatException(
                $"The schedule '{text}' has {fields.Length} fields; it needs 6: second minute hour day month day-of-week (e.g. '0 0 9 * * *').");
        }

        try
        {
            return new CronSchedule(text, CronExpression.Parse(string.Join(' ', fields), CronFormat.IncludeSeconds), TimeSpan.Zero, zone);
        }
        catch (CronFormatException ex)
        {
            throw new FormatException($"The schedule '{text}' is not a valid CRON expression: {ex.Message}", ex);
        }
    }

    /// <summary>A schedule that fires every <paramref name="interval"/> (at least one second).</summary>
    public static CronSchedule Every(TimeSpan interval, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (interval < TimeSpan.FromSeconds(1)) throw new FormatException($"The interval schedule '{interval}' must be at least 00:00:01.");
        return new CronSchedule(interval.ToString("c", System.Globalization.CultureInfo.InvariantCulture), null, interval, zone);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in the schedule's zone; null if none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) =>
        _expression is null ? TimeZoneInfo.ConvertTime(after + _interval, Zone) : _expression.GetNextOccurrence(after, Zone, inclusive: false);

    /// <inheritdoc />
    public override string ToString() => $"{Text} ({Zone.Id})";
}
