using Relief.Testing;
using Relief.FunctionsHost.Startup;
using Relief.FunctionsHost.Tests.Support;
using Relief.FunctionsHost.Configuration;

namespace Relief.FunctionsHost.Tests.Startup;

public sealed class HostArgumentsTests
{
    [Fact]
    public void Parse_AppFolderPortAndSettings_Read()
    {
        var arguments = HostArguments.Parse(["--script-root", RepositoryPaths.ConformanceApp, "--port", "7075", "--settings", "/tmp/x.json"]);

        Assert.Equal(RepositoryPaths.ConformanceApp, arguments.AppFolder);
        Assert.Equal(7075, arguments.Port);
        Assert.Equal("/tmp/x.json", arguments.SettingsPath);
        Assert.Equal(Path.Combine(RepositoryPaths.ConformanceApp, "host.json"), arguments.HostJsonPath);
    }

    [Fact]
    public void Parse_StaticRoot_ReadWhenItHoldsAnIndex_RefusedOtherwise()
    {
        var arguments = HostArguments.Parse(["--script-root", RepositoryPaths.ConformanceApp, "--static-root", RepositoryPaths.Console]);
        var error = Assert.Throws<HostConfigurationException>(() => HostArguments.Parse(["--script-root", RepositoryPaths.ConformanceApp, "--static-root", Path.GetTempPath()]));

        Assert.Equal(RepositoryPaths.Console, arguments.StaticRoot);
        Assert.Null(HostArguments.Parse([RepositoryPaths.ConformanceApp]).StaticRoot);
        Assert.Contains("index.html", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoAppFolder_FailsNamingTheArgument()
    {
        var error = Assert.Throws<HostConfigurationException>(() => HostArguments.Parse([]));

        Assert.Contains("--script-root", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FolderWithoutWorkerConfig_FailsSayingWhatIsMissing()
    {
        var error = Assert.Throws<HostConfigurationException>(() => HostArguments.Parse([Path.GetTempPath()]));

        Assert.Contains("worker.config.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("http")]
    public void Parse_BadPort_FailsNamingIt(string port)
    {
        var error = Assert.Throws<HostConfigurationException>(() => HostArguments.Parse([RepositoryPaths.ConformanceApp, "--port", port]));

        Assert.Contains("--port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownSwitch_FailsNamingIt()
    {
        var error = Assert.Throws<HostConfigurationException>(() => HostArguments.Parse([RepositoryPaths.ConformanceApp, "--verbose"]));

        Assert.Contains("--verbose", error.Message, StringComparison.Ordinal);
    }
}
