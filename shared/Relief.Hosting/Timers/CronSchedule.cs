using Cronos;

namespace Relief.Hosting.Timers;

/// <summary>A 6-field CRON schedule (second minute hour day month day-of-week) in a time zone.</summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;

    private CronSchedule(string text, CronExpression expression, TimeZoneInfo zone)
    {
        Text = text;
        _expression = expression;
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
            return new CronSchedule(text, CronExpression.Parse(string.Join(' ', fields), CronFormat.IncludeSeconds), zone);
        }
        catch (CronFormatException ex)
        {
            throw new FormatException($"The schedule '{text}' is not a valid CRON expression: {ex.Message}", ex);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in the schedule's zone; null if none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) =>
        _expression.GetNextOccurrence(after, Zone, inclusive: false);

    /// <inheritdoc />
    public override string ToString() => $"{Text} ({Zone.Id})";
}
