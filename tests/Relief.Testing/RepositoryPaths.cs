namespace Relief.Testing;

/// <summary>Where the built local host and the apps it runs are (same configuration as the calling test assembly).</summary>
public static class RepositoryPaths
{
    public static string Configuration => AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Relief.Functions.sln"))) return dir.FullName;
            }

            throw new InvalidOperationException("The repository root (Relief.Functions.sln) was not found above " + AppContext.BaseDirectory);
        }
    }

    public static string HostAssembly => Path.Combine(Root, "shared", "Relief.FunctionsHost", "bin", Configuration, "net10.0", "Relief.FunctionsHost.dll");

    /// <summary>The built Relief function app.</summary>
    public static string ReliefApp => Path.Combine(Root, "functions", "Relief.Functions", "bin", Configuration, "net10.0");

    /// <summary>The caseworker console's static files (served by the local host at <c>/</c>).</summary>
    public static string Console => Path.Combine(Root, "console");

    public static string ConformanceApp => Path.Combine(Root, "tests", "Relief.FunctionsHost.ConformanceApp", "bin", Configuration, "net10.0");

    /// <summary>A copy of the conformance app that a test may change (worker.config.json, functions.metadata).</summary>
    public static string CopyOfConformanceApp()
    {
        var target = Path.Combine(Path.GetTempPath(), "relief-conformance-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.EnumerateFiles(ConformanceApp, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(ConformanceApp, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
