using System.Globalization;
using System.Text.Json;

namespace Relief.Domain.Calendar.Loading;

/// <summary>
/// Parses one year's schedule file: <c>{"year":2026,"source":"…","holidays":[{"name":"…","from":"yyyy-MM-dd","to":"yyyy-MM-dd"}],"workedWeekendDays":["yyyy-MM-dd"]}</c>.
/// Checks that every date lies in the year, that worked days are weekend days and that no day is both off and worked.
/// </summary>
public static class CalendarFileParser
{
    /// <summary>Parses and validates; throws <see cref="FormatException"/> naming the file and the field.</summary>
    public static CalendarYear Parse(string fileName, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        int year = root.TryGetProperty("year", out JsonElement y) && y.TryGetInt32(out int value) ? value : throw Fail(fileName, "year", "is missing or not a whole number.");
        string source = root.TryGetProperty("source", out JsonElement s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : throw Fail(fileName, "source", "is missing.");
        var holidays = new HashSet<DateOnly>();
        if (!root.TryGetProperty("holidays", out JsonElement list) || list.ValueKind != JsonValueKind.Array)
        {
            throw Fail(fileName, "holidays", "is missing or not an array.");
        }

        int i = 0;
        foreach (JsonElement h in list.EnumerateArray())
        {
            string at = string.Create(CultureInfo.InvariantCulture, $"holidays[{i++}]");
            DateOnly from = Date(fileName, h, at, "from", year);
            DateOnly to = Date(fileName, h, at, "to", year);
            if (to < from)
            {
                throw Fail(fileName, at, "ends before it starts.");
            }

            for (DateOnly d = from; d <= to; d = d.AddDays(1))
            {
                holidays.Add(d);
            }
        }

        var worked = new HashSet<DateOnly>();
        if (!root.TryGetProperty("workedWeekendDays", out JsonElement workedList) || workedList.ValueKind != JsonValueKind.Array)
        {
            throw Fail(fileName, "workedWeekendDays", "is missing or not an array.");
        }

        i = 0;
        foreach (JsonElement w in workedList.EnumerateArray())
        {
            string at = string.Create(CultureInfo.InvariantCulture, $"workedWeekendDays[{i++}]");
            DateOnly d = ParseDate(fileName, w, at, year);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw Fail(fileName, at, $"{d:yyyy-MM-dd} is a {d.DayOfWeek}, not a weekend day.");
            }

            if (holidays.Contains(d))
            {
                throw Fail(fileName, at, $"{d:yyyy-MM-dd} is both a holiday and a worked day.");
            }

            worked.Add(d);
        }

        return new CalendarYear(year, holidays, worked, source);
    }

    private static DateOnly Date(string file, JsonElement parent, string at, string name, int year) =>
        parent.TryGetProperty(name, out JsonElement e) ? ParseDate(file, e, at + "." + name, year) : throw Fail(file, at + "." + name, "is missing.");

    private static DateOnly ParseDate(string file, JsonElement e, string at, int year)
    {
        if (e.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d))
        {
            throw Fail(file, at, "is not a date in yyyy-MM-dd form.");
        }

        return d.Year == year ? d : throw Fail(file, at, string.Create(CultureInfo.InvariantCulture, $"{d:yyyy-MM-dd} is not in {year}."));
    }

    private static FormatException Fail(string file, string field, string message) => new($"{file}: {field}: {message}");
}
