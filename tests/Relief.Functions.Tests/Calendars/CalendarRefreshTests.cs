using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Relief.Domain.Calendar;
using Relief.Domain.Calendar.Loading;
using Relief.Functions.Calendars;
using Relief.Testing;

namespace Relief.Functions.Tests.Calendars;

/// <summary>A schedule one instance loaded at run time reaches the others (on Azurite): each re-reads the stored
/// schedules before planning, at most every five minutes.</summary>
public sealed class CalendarRefreshTests
{
    [Fact]
    public async Task YearStoredByAnotherInstance_LoadedHereOnTheNextReadAfterTheInterval()
    {
        var azurite = await AzuriteServer.Shared;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [CalendarFiles.ContainerSetting] = UniqueNames.Container("calendars") }).Build();
        var files = new CalendarFiles(new BlobServiceClient(azurite.ConnectionString), configuration);
        var calendar = await CalendarFileLoader.LoadShippedAsync(CancellationToken.None, provisionalForMissingYears: true);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero));
        var refresh = new CalendarRefresh(files, calendar, time, NullLogger<CalendarRefresh>.Instance);
        await refresh.EnsureFreshAsync(CancellationToken.None); // nothing stored yet

        // Another instance stores 2031 with 3 March (a Monday) off.
        Assert.True(await files.TryStoreAsync(2031, """{ "year": 2031, "source": "test", "holidays": [{ "name": "x", "from": "2031-03-03", "to": "2031-03-03" }], "workedWeekendDays": [] }""", CancellationToken.None));
        Assert.False(await files.TryStoreAsync(2031, """{ "year": 2031, "source": "other", "holidays": [], "workedWeekendDays": [] }""", CancellationToken.None));

        await refresh.EnsureFreshAsync(CancellationToken.None);
        Assert.True(calendar.IsProvisional(new DateOnly(2031, 3, 3))); // read less than five minutes ago: not yet

        time.Advance(CalendarRefresh.Interval);
        await refresh.EnsureFreshAsync(CancellationToken.None);
        Assert.False(calendar.IsProvisional(new DateOnly(2031, 3, 3)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2031, 3, 3)));
    }
}
