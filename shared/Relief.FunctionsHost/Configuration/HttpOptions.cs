namespace Relief.FunctionsHost.Configuration;

/// <summary>HTTP trigger settings, host.json <c>extensions.http</c>.</summary>
public sealed class HttpOptions
{
    /// <summary>The host.json path of this section.</summary>
    public const string Path = "extensions.http";

    /// <summary>Prefix of every HTTP function route. Default <c>api</c>; empty for none.</summary>
    public string RoutePrefix { get; set; } = "api";

    /// <summary>Largest request body accepted, in bytes; larger bodies get 413. Default 1 MiB (1048576).</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;
}
