using Microsoft.Extensions.Configuration;
using Relief.Domain.Policies.Loading;

namespace Relief.Functions.Startup;

/// <summary>
/// Where the policy files (one per jurisdiction) are read from: setting <c>Relief:Policies:Folder</c>, default the files
/// shipped with the app (<c>Policies/Data</c> beside it). A deployment that adds or corrects a jurisdiction points the
/// setting at its own folder (every file is validated at start; a bad one stops the worker naming the file and field).
/// </summary>
/// <param name="PolicyFolder">The folder read.</param>
public sealed record PolicySource(string PolicyFolder)
{
    /// <summary>The setting.</summary>
    public const string FolderSetting = "Relief:Policies:Folder";

    /// <summary>Reads the setting.</summary>
    public static PolicySource FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new PolicySource(configuration[FolderSetting] is { Length: > 0 } folder ? folder : PolicyFileLoader.ShippedFolder);
    }
}
