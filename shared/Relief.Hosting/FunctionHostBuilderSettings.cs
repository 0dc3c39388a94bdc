namespace Relief.Hosting;

/// <summary>Where the host finds its files (defaults suit <c>scripts/run.sh</c> and Azure).</summary>
public sealed class FunctionHostBuilderSettings
{
    /// <summary>Content root; default the current directory.</summary>
    public string? ContentRootPath { get; init; }

    /// <summary>host.json, relative to the content root (then the app folder). Default <c>host.json</c>.</summary>
    public string HostJsonPath { get; init; } = "host.json";

    /// <summary>local.settings.json, relative to the content root. Default <c>local.settings.json</c>.</summary>
    public string LocalSettingsPath { get; init; } = "local.settings.json";

    /// <summary>Environment name; default from ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT, else Production.</summary>
    public string? EnvironmentName { get; init; }
}
