using Relief.Domain.Policies;
using Relief.Domain.Policies.Loading;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Policies;

public sealed class PolicyFileLoaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "relief-policies-" + Guid.NewGuid().ToString("N"));

    public PolicyFileLoaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task LoadFolderAsync_ValidFile_BuildsCatalog()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "testville.json"), TestPolicies.Json());

        PolicyCatalog catalog = await PolicyFileLoader.LoadFolderAsync(_folder, CancellationToken.None);

        Assert.Equal(["testville"], catalog.Jurisdictions);
    }

    [Fact]
    public async Task LoadFolderAsync_OneBadFile_FailsNamingThatFileAndParameter()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "good.json"), TestPolicies.Json());
        await File.WriteAllTextAsync(Path.Combine(_folder, "bad.json"), TestPolicies.Json(v => v.Remove("minimumWage")).Replace("testville", "otherville", StringComparison.Ordinal));

        PolicyLoadException ex = await Assert.ThrowsAsync<PolicyLoadException>(() => PolicyFileLoader.LoadFolderAsync(_folder, CancellationToken.None));

        PolicyLoadError error = Assert.Single(ex.Errors);
        Assert.Equal("bad.json", error.File);
        Assert.Equal("versions[0].minimumWage", error.Parameter);
    }

    [Fact]
    public async Task LoadFolderAsync_SameJurisdictionTwice_Fails()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "a.json"), TestPolicies.Json());
        await File.WriteAllTextAsync(Path.Combine(_folder, "b.json"), TestPolicies.Json());

        PolicyLoadException ex = await Assert.ThrowsAsync<PolicyLoadException>(() => PolicyFileLoader.LoadFolderAsync(_folder, CancellationToken.None));

        Assert.Equal("jurisdiction", Assert.Single(ex.Errors).Parameter);
    }

    [Fact]
    public async Task LoadFolderAsync_MissingFolder_Fails()
    {
        await Assert.ThrowsAsync<PolicyLoadException>(() => PolicyFileLoader.LoadFolderAsync(Path.Combine(_folder, "nope"), CancellationToken.None));
    }
}
