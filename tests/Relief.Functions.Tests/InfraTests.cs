using System.Diagnostics;
using Relief.Testing;

namespace Relief.Functions.Tests;

/// <summary>The Azure template compiles with the bicep CLI package, without a warning.</summary>
public sealed class InfraTests
{
    [Fact]
    public async Task MainBicep_Compiles_WithoutWarnings()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string bicep = Directory.GetFiles(Path.Combine(packages, "azure.bicep.commandline.linux-x64", "0.49.2"), "bicep", SearchOption.AllDirectories).Single();
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        string output = Path.Combine(Path.GetTempPath(), "relief-main-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        var start = new ProcessStartInfo(bicep) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "build", Path.Combine(RepositoryPaths.Root, "infra", "main.bicep"), "--outfile", output }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string stderr = await process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, stderr + stdout);
        Assert.True(string.IsNullOrWhiteSpace(stderr), "bicep reported: " + stderr);
        Assert.Contains("Microsoft.Web/sites", await File.ReadAllTextAsync(output), StringComparison.Ordinal);
        File.Delete(output);
    }
}
