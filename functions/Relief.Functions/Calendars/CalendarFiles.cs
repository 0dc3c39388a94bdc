using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Relief.Domain.Calendar;
using Relief.Domain.Calendar.Loading;

namespace Relief.Functions.Calendars;

/// <summary>
/// Official working-day schedules loaded at run time (one blob <c>{year}.json</c> each, in the container named by
/// <c>Relief:Calendars:ContainerName</c>, default <c>calendars</c>), so a restarted or another instance of the app
/// counts on them too. The shipped years stay in the package.
/// </summary>
public sealed class CalendarFiles(BlobServiceClient blobs, IConfiguration configuration)
{
    /// <summary>The setting that names the container.</summary>
    public const string ContainerSetting = "Relief:Calendars:ContainerName";

    private BlobContainerClient Container => blobs.GetBlobContainerClient(configuration[ContainerSetting] ?? "calendars");

    /// <summary>Stores <paramref name="json"/> (already validated) as the schedule of <paramref name="year"/>; false
    /// when one is already stored (a schedule is not replaced).</summary>
    public async Task<bool> TryStoreAsync(int year, string json, CancellationToken cancellationToken)
    {
        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            await Container.GetBlobClient(Name(year)).UploadAsync(BinaryData.FromString(json), overwrite: false, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The stored schedule of <paramref name="year"/>, parsed; null when none is stored.</summary>
    public async Task<CalendarYear?> ReadAsync(int year, CancellationToken cancellationToken)
    {
        try
        {
            return await DownloadAsync(Name(year), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The stored schedules of years not in <paramref name="loaded"/>, parsed (a year already loaded is not
    /// downloaded again).</summary>
    public async Task<IReadOnlyList<CalendarYear>> ReadAllAsync(IReadOnlyCollection<int> loaded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var years = new List<CalendarYear>();
        if (!await Container.ExistsAsync(cancellationToken).ConfigureAwait(false)) return years;
        await foreach (var item in Container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (loaded.Any(y => Name(y) == item.Name)) continue;
            years.Add(await DownloadAsync(item.Name, cancellationToken).ConfigureAwait(false));
        }

        return years;
    }

    private async Task<CalendarYear> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        var content = await Container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return CalendarFileParser.Parse(name, content.Value.Content.ToString());
    }

    private static string Name(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".json";
}
