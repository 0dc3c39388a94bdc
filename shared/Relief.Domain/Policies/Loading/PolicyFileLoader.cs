namespace Relief.Domain.Policies.Loading;

/// <summary>
/// Reads policy files (one JSON file per jurisdiction) from a folder and builds a
/// <see cref="PolicyCatalog"/>. The only policy I/O in the library; rules never call it.
/// </summary>
public static class PolicyFileLoader
{
    /// <summary>The folder beside the assembly where the shipped policy files are copied.</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "Policies", "Data");

    /// <summary>Loads the shipped policy files.</summary>
    public static Task<PolicyCatalog> LoadShippedAsync(CancellationToken cancellationToken) => LoadFolderAsync(ShippedFolder, cancellationToken);

    /// <summary>
    /// Loads every <c>*.json</c> file in <paramref name="folder"/>. All files are checked before
    /// failing, and the <see cref="PolicyLoadException"/> names every file and parameter at fault.
    /// </summary>
    public static async Task<PolicyCatalog> LoadFolderAsync(string folder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new PolicyLoadException([new PolicyLoadError(folder, "$", "policy folder does not exist.")]);
        }

        var errors = new List<PolicyLoadError>();
        var policies = new List<JurisdictionPolicy>();
        foreach (string file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            string text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            JurisdictionPolicy? policy = PolicyFileParser.TryParse(Path.GetFileName(file), text, errors);
            if (policy is not null)
            {
                policies.Add(policy);
            }
        }

        if (errors.Count > 0)
        {
            throw new PolicyLoadException(errors);
        }

        return new PolicyCatalog(policies);
    }
}
