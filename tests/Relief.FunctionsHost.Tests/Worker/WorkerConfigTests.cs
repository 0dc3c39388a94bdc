using Relief.Testing;
using Relief.FunctionsHost.Tests.Support;
using Relief.FunctionsHost.Worker;
using Relief.FunctionsHost.Configuration;

namespace Relief.FunctionsHost.Tests.Worker;

public sealed class WorkerConfigTests
{
    [Fact]
    public void Read_WorkerSdkOutput_DotnetWithTheAppAssemblyAndWorkerIndexing()
    {
        var config = WorkerConfig.Read(RepositoryPaths.ConformanceApp);

        Assert.Equal("dotnet", config.Executable);
        Assert.Equal("Relief.FunctionsHost.ConformanceApp.dll", config.WorkerPath);
        Assert.True(config.WorkerIndexing);
    }

    [Fact]
    public void Read_OtherLanguage_RefusedNamingTheFile()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(folder, "worker.config.json"), """{"description":{"language":"node","defaultExecutablePath":"node"}}""");

        var error = Assert.Throws<HostConfigurationException>(() => WorkerConfig.Read(folder));

        Assert.Contains("worker.config.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("node", error.Message, StringComparison.Ordinal);
    }
}
