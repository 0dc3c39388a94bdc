namespace Relief.Domain.Calendar;

/// <summary>
/// China Standard Time (北京时间): UTC+8 all year, no daylight saving since 1991. A fixed offset
/// is used on purpose so results do not depend on the host's time-zone database.
/// </summary>
public static class ChinaStandardTime
{
    /// <summary>The offset, +08:00.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The instant expressed in China Standard Time.</summary>
    public static DateTimeOffset ToChinaTime(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The calendar date in China of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChinaTime(instant).DateTime);

    /// <summary>Midnight at the start of a China date, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>The end of a China date (midnight starting the next day), as an instant.</summary>
    public static DateTimeOffset EndOf(DateOnly date) => StartOf(date.AddDays(1));
}
