namespace Relief.Domain.Calendar.Loading;

/// <summary>Reads the yearly schedule files (one per year) from a folder. The only calendar I/O in the library.</summary>
public static class CalendarFileLoader
{
    /// <summary>The folder beside the assembly where the shipped schedules are copied.</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "Calendar", "Data");

    /// <summary>Loads the shipped schedules (2025, 2026); with <paramref name="provisionalForMissingYears"/> other
    /// years are counted on provisional calendar years.</summary>
    public static Task<WorkingDayCalendar> LoadShippedAsync(CancellationToken cancellationToken, bool provisionalForMissingYears = false) =>
        LoadFolderAsync(ShippedFolder, cancellationToken, provisionalForMissingYears);

    /// <summary>Loads every <c>*.json</c> schedule in <paramref name="folder"/>.</summary>
    public static async Task<WorkingDayCalendar> LoadFolderAsync(string folder, CancellationToken cancellationToken, bool provisionalForMissingYears = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var years = new List<CalendarYear>();
        foreach (string file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            string text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            years.Add(CalendarFileParser.Parse(Path.GetFileName(file), text));
        }

        return new WorkingDayCalendar(years, provisionalForMissingYears);
    }
}
